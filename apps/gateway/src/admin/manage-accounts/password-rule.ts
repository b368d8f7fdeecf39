import { InvalidCommandError } from '../../../../../libs/domain/src';
import { staffPasswordProblem } from '../../../../../libs/domain/src/accounts/staff-password';

const WHY = {
  PASSWORD_TOO_SHORT: 'The password must have at least 12 characters.',
  PASSWORD_FROM_USERNAME: 'The password must not be made from the username.',
  PASSWORD_TOO_COMMON:
    'The password is common or easy to guess (a known password, a word, a sequence or a repeat); choose a longer, uncommon one.',
} as const;

/** Throws 422 with the rule's code (PASSWORD_TOO_SHORT, PASSWORD_FROM_USERNAME, PASSWORD_TOO_COMMON) for a refused staff password. */
export function assertStaffPassword(username: string, password: string): void {
  const problem = staffPasswordProblem(username, password);
  if (problem) throw new InvalidCommandError(problem, WHY[problem]);
}
