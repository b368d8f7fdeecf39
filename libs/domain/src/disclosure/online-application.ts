import { InvalidCommandError } from '../errors/errors';
import { isResidentIdNumber } from '../opinions/deidentify';
import { APPLICANT_KINDS, type DisclosureApplication, validateApplication } from './intake';

/**
 * An application sent on the public site (issue 18, ADR 0099): the fields of art.29 as `validateApplication`
 * asks for them, and what a form can get wrong besides a missing field (a value outside its list, a field
 * too long, a resident ID number that fails its check digit, a delivery way without its address).
 */
export const ID_DOCUMENT_TYPES = [
  'resident_id',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'unified_social_credit_code',
  'other',
] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];
export const DELIVERY_FORMS = ['paper', 'electronic'] as const;
export const DELIVERY_WAYS = ['post', 'email', 'pick_up', 'online'] as const;

/**
 * Who handles an online request until staff take it: the case needs a handler (the extension's approver
 * must be someone else, art.33), and no account has been given the case yet.
 */
export const UNASSIGNED_HANDLER_ID = 'unassigned';

/** Longest accepted values, in characters. */
export const ONLINE_APPLICATION_LIMITS = {
  applicantName: 100,
  idDocumentNumber: 40,
  'contact.phone': 40,
  'contact.email': 200,
  'contact.address': 300,
  informationDescription: 5000,
} as const;

const invalid = (field: string, message: string): InvalidCommandError =>
  new InvalidCommandError('DISCLOSURE_FIELD_INVALID', message, { field });

/**
 * Throws `DISCLOSURE_FIELD_REQUIRED` (a field of art.29 missing, or the address or e-mail the chosen way of
 * delivery needs) or `DISCLOSURE_FIELD_INVALID`, each naming the field in `details.field`.
 */
/** An identity number as typed, without spaces or dashes, full-width folded (as `deidentifyDocument` folds it). */
const foldedNumber = (number: string): string => number.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();

export function validateOnlineApplication(application: DisclosureApplication): void {
  validateApplication(application);
  const choices: Array<[string, string, readonly string[]]> = [
    ['applicantKind', application.applicantKind, APPLICANT_KINDS],
    ['idDocumentType', application.idDocumentType, ID_DOCUMENT_TYPES],
    ['deliveryForm', application.deliveryForm, DELIVERY_FORMS],
    ['deliveryWay', application.deliveryWay, DELIVERY_WAYS],
  ];
  for (const [field, value, allowed] of choices)
    if (!allowed.includes(value)) throw invalid(field, `${field} is one of ${allowed.join(', ')}.`);
  const { contact } = application;
  const values: Record<keyof typeof ONLINE_APPLICATION_LIMITS, string | undefined> = {
    applicantName: application.applicantName,
    idDocumentNumber: application.idDocumentNumber,
    'contact.phone': contact.phone,
    'contact.email': contact.email,
    'contact.address': contact.address,
    informationDescription: application.informationDescription,
  };
  for (const [field, limit] of Object.entries(ONLINE_APPLICATION_LIMITS))
    if ([...(values[field as keyof typeof values] ?? '')].length > limit)
      throw invalid(field, `${field} has at most ${limit} characters.`);
  if (application.idDocumentType === 'resident_id' && !isResidentIdNumber(foldedNumber(application.idDocumentNumber)))
    throw invalid('idDocumentNumber', 'A resident ID number has 18 characters and a valid check digit.');
  if (contact.email?.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact.email.trim()))
    throw invalid('contact.email', 'The e-mail address is not valid.');
  if (contact.phone?.trim() && !/^\+?[\d\s()-]{5,}$/.test(contact.phone.trim()))
    throw invalid('contact.phone', 'The phone number has digits only (spaces, dashes and a leading + allowed).');
  const needs = { email: 'contact.email', post: 'contact.address' } as const;
  const way = application.deliveryWay as keyof typeof needs;
  if (way in needs && !contact[way === 'email' ? 'email' : 'address']?.trim())
    throw new InvalidCommandError('DISCLOSURE_FIELD_REQUIRED', `Delivery by ${way} needs ${needs[way]} (art.29(3)).`, {
      field: needs[way],
    });
}
