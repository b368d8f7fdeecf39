import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/** Why a staff password is refused; stable codes, part of the API (problem+json `code`). */
export type StaffPasswordProblem = 'PASSWORD_TOO_SHORT' | 'PASSWORD_FROM_USERNAME' | 'PASSWORD_TOO_COMMON';

/** The shortest staff password (OWASP ASVS 5.0 V6.2.1). */
export const STAFF_PASSWORD_MIN_LENGTH = 12;

/**
 * The least zxcvbn score a staff password needs: 3 = about 10^8 guesses ("safely unguessable" online).
 * zxcvbn-ts matches the common-password, name and word lists it ships (top passwords from breach corpora),
 * keyboard walks, sequences, repeats and dates, and the username given as user input.
 */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
const strength = (): ZxcvbnFactory => (estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

/**
 * The rule for every staff password (account creation, change, reset and the launcher's DEMO_PASSWORD):
 * undefined when acceptable, else the code of the first problem. Length is counted in code points.
 * Not exported from the index: workflows import the index, and the dictionaries must stay out of their
 * bundle; import this file directly. Trap: the estimator loads its dictionaries on first use (~0.1 s), and a check takes a few to ~50 ms of
 * CPU for long inputs — call it on the write path only, never per request.
 */
export function staffPasswordProblem(username: string, password: string): StaffPasswordProblem | undefined {
  if ([...password].length < STAFF_PASSWORD_MIN_LENGTH) return 'PASSWORD_TOO_SHORT';
  const name = username.trim().toLowerCase();
  const folded = password.toLowerCase();
  const reversed = [...name].reverse().join('');
  if (name.length > 0 && (folded.includes(name) || folded.includes(reversed) || name.includes(folded)))
    return 'PASSWORD_FROM_USERNAME';
  const parts = name.split(/[._-]+/).filter((part) => part.length >= 3);
  const result = strength().check(password.slice(0, 100), [name, ...parts]);
  const fromName = result.sequence.some(
    (match) => match.pattern === 'dictionary' && match.dictionaryName === 'userInputs',
  );
  if (result.score < MIN_SCORE) return fromName ? 'PASSWORD_FROM_USERNAME' : 'PASSWORD_TOO_COMMON';
  return undefined;
}
