import type { SubmitterContact } from './deidentify';
import { InvalidCommandError } from '../errors/errors';

/** An opinion from the public (SPEC.md §5). */
export interface OpinionInput {
  text: string;
  section?: string;
  contact?: SubmitterContact;
}

/** Frozen at the seal and published with ConsultationClosed. */
export interface ConsultationCounts {
  received: number;
  published: number;
  withheld: Record<string, number>;
  byChannel: Record<string, number>;
}

/** A lone UTF-16 surrogate: what invalid UTF-8 (or a broken client) leaves in a JavaScript string. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (value: string): boolean => !LONE_SURROGATE.test(value);

// Control characters other than tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Checks an opinion: 1–`maxChars` characters (counted as Unicode code points, so an emoji is one),
 * well-formed Unicode (no lone surrogates), no control characters; optional section ≤ 200 and contact
 * fields ≤ 200 each. Throws InvalidCommandError with a code saying which.
 */
export function validateOpinion(input: OpinionInput, maxChars: number): void {
  if (typeof input.text !== 'string' || input.text.trim().length === 0) {
    throw new InvalidCommandError('OPINION_EMPTY', 'Write your opinion: the text is empty.');
  }
  if (!wellFormed(input.text)) throw new InvalidCommandError('INVALID_TEXT', 'The text contains invalid characters.');
  if (CONTROL.test(input.text)) throw new InvalidCommandError('INVALID_TEXT', 'The text contains control characters.');
  const length = [...input.text].length;
  if (length > maxChars) {
    throw new InvalidCommandError(
      'OPINION_TOO_LONG',
      `An opinion has at most ${maxChars} characters; this one has ${length}.`,
      { maxChars, length },
    );
  }
  const fields: Array<[string, unknown]> = [
    ['section', input.section],
    ['contact.name', input.contact?.name],
    ['contact.phone', input.contact?.phone],
    ['contact.email', input.contact?.email],
  ];
  for (const [field, value] of fields) {
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || value.length > 200 || !wellFormed(value) || CONTROL.test(value)) {
      throw new InvalidCommandError('INVALID_FIELD', `${field} must be text of at most 200 characters.`, { field });
    }
  }
}
