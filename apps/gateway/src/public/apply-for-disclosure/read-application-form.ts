import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../../../libs/domain/src';
import type { PublicApplication } from './apply-for-disclosure.handler';

/** The form's fields, each as typed (kept when the form comes back with an error). */
export const APPLICATION_FIELDS = [
  'unit',
  'applicantKind',
  'applicantName',
  'idDocumentType',
  'idDocumentNumber',
  'phone',
  'email',
  'address',
  'informationDescription',
  'deliveryForm',
  'deliveryWay',
] as const;
export type ApplicationField = (typeof APPLICATION_FIELDS)[number];
export type ApplicationValues = Record<ApplicationField, string>;

/** The form's state: what was typed, its idempotency key (a double submit stores once) and the last refusal. */
export interface ApplicationFormState {
  values: ApplicationValues;
  key: string;
  error?: { code: string; status: number; field: ApplicationField | 'contact' | null };
}

export const emptyApplicationForm = (): ApplicationFormState => ({
  values: Object.fromEntries(APPLICATION_FIELDS.map((f) => [f, ''])) as ApplicationValues,
  key: randomUUID(),
});

/** The urlencoded body, every field as the text typed (arrays and absences become ''). */
export function readApplicationForm(body: unknown): { values: ApplicationValues; key: string } {
  const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const field = (name: string): string => (typeof record[name] === 'string' ? record[name] : '');
  return {
    values: Object.fromEntries(APPLICATION_FIELDS.map((f) => [f, field(f)])) as ApplicationValues,
    key: field('key'),
  };
}

export function toApplication(values: ApplicationValues): PublicApplication {
  return {
    unit: values.unit,
    applicantKind: values.applicantKind as PublicApplication['applicantKind'],
    applicantName: values.applicantName,
    idDocumentType: values.idDocumentType,
    idDocumentNumber: values.idDocumentNumber,
    contact: { phone: values.phone, email: values.email, address: values.address },
    informationDescription: values.informationDescription,
    deliveryForm: values.deliveryForm as PublicApplication['deliveryForm'],
    deliveryWay: values.deliveryWay as PublicApplication['deliveryWay'],
  };
}

/**
 * The form's state after a refusal, pointing at the field it is about (`details.field`: `contact.phone`
 * → the phone field), or null when the error is not about the form (an outage): that becomes an error page.
 */
export function applicationStateAfter(
  error: unknown,
  status: number,
  typed: { values: ApplicationValues; key: string },
): ApplicationFormState | null {
  if (!(error instanceof DomainError)) return null;
  if (!['invalid', 'malformed', 'conflict', 'rate_limited'].includes(error.kind)) return null;
  const detail = typeof error.details?.['field'] === 'string' ? error.details['field'].replace(/^contact\./, '') : '';
  const field = (APPLICATION_FIELDS as readonly string[]).includes(detail)
    ? (detail as ApplicationField)
    : detail === 'contact'
      ? 'contact'
      : null;
  return { values: typed.values, key: typed.key, error: { code: error.code, status, field } };
}
