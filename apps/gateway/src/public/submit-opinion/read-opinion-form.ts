import { DomainError, type OpinionInput } from '../../../../../libs/domain/src';
import type { OpinionFormState, OpinionFormValues } from './opinion-form';

/** The urlencoded body of the opinion form, every field as the text typed (arrays and absences become ''). */
export function readOpinionForm(body: unknown): { values: OpinionFormValues; key: string } {
  const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const field = (name: string): string => (typeof record[name] === 'string' ? record[name] : '');
  return {
    values: {
      text: field('text'),
      section: field('section'),
      name: field('name'),
      phone: field('phone'),
      email: field('email'),
    },
    key: field('key'),
  };
}

/** What the intake receives: empty optional fields are left out, an all-empty contact is none. */
export function toOpinionInput(values: OpinionFormValues): OpinionInput {
  const trimmed = (value: string): string | undefined => value.trim() || undefined;
  const contact = { name: trimmed(values.name), phone: trimmed(values.phone), email: trimmed(values.email) };
  const anyContact = Object.values(contact).some(Boolean);
  return { text: values.text, section: trimmed(values.section), contact: anyContact ? contact : undefined };
}

const TEXT_CODES = new Set(['OPINION_EMPTY', 'OPINION_TOO_LONG', 'INVALID_TEXT']);

/**
 * The form's state after a refused submission, or null when the error is not about the form (an
 * unknown decision, an outage): those become error pages. Nothing was stored in either case.
 */
export function formStateAfter(
  error: unknown,
  status: number,
  typed: { values: OpinionFormValues; key: string },
): OpinionFormState | null {
  if (!(error instanceof DomainError) || error.code === 'DECISION_NOT_FOUND') return null;
  if (!['invalid', 'malformed', 'conflict', 'rate_limited'].includes(error.kind)) return null;
  const detailField = typeof error.details?.['field'] === 'string' ? error.details['field'] : '';
  const field = TEXT_CODES.has(error.code)
    ? 'text'
    : detailField === 'section'
      ? 'section'
      : detailField.startsWith('contact')
        ? 'contact'
        : null;
  return { values: typed.values, key: typed.key, error: { code: error.code, status, field } };
}
