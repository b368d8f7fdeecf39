import { shanghaiDate } from '../calendar/calendar';
import { InvalidCommandError } from '../errors/errors';
import { pureSha256Hex } from '../log/sha256';

/**
 * Intake of a request: the required fields of art.29, the day it counts as received (art.31) and the
 * de-identified form of the applicant's identity document (ADR 0068).
 */
export const INTAKE_CHANNELS = ['online', 'fax', 'in_person', 'registered_post', 'ordinary_post'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/** The applicant columns of the annual report's Table 3 (the 7th column is their total). */
export const APPLICANT_KINDS = [
  'natural_person',
  'business',
  'research',
  'public_welfare',
  'legal_services',
  'other',
] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

export interface DisclosureApplication {
  applicantKind: ApplicantKind;
  /** art.29(1): name, identity proof, contact. Personal data: stored apart, never public. */
  applicantName: string;
  idDocumentType: string;
  idDocumentNumber: string;
  contact: { phone?: string; email?: string; address?: string };
  /** art.29(2): the information's name, document number or a describing feature. */
  informationDescription: string;
  /** art.29(3): the form, way and route of delivery. */
  deliveryForm: 'paper' | 'electronic';
  deliveryWay: 'post' | 'email' | 'pick_up' | 'online';
}

/** The instants that can fix the day of receipt; which one counts depends on the channel. */
export interface ReceiptEvidence {
  /** online, fax, ordinary post: the day both sides confirmed the request. */
  confirmedAt?: Date;
  /** in person: the day the request was handed in. */
  handedInAt?: Date;
  /** registered post: the day the agency signed for it. */
  signedForAt?: Date;
}

/** Throws `DISCLOSURE_FIELD_REQUIRED` naming the first required field of art.29 that is missing. */
export function validateApplication(application: DisclosureApplication): void {
  const { contact } = application;
  const missing = [
    ['applicantName', application.applicantName],
    ['idDocumentType', application.idDocumentType],
    ['idDocumentNumber', application.idDocumentNumber],
    ['contact', contact.phone || contact.email || contact.address],
    ['informationDescription', application.informationDescription],
    ['deliveryForm', application.deliveryForm],
    ['deliveryWay', application.deliveryWay],
  ].find(([, value]) => !value?.trim());
  if (missing)
    throw new InvalidCommandError('DISCLOSURE_FIELD_REQUIRED', `${missing[0]} is required (art.29).`, {
      field: missing[0],
    });
}

/**
 * The Shanghai date a request counts as received (art.31): online and fax on the day both sides confirm,
 * in person on the day it is handed in, registered post on the day it is signed for, ordinary post on the
 * day the office confirms it with the applicant. Trap: an online request's submission is not its receipt.
 */
export function receivedDate(channel: IntakeChannel, evidence: ReceiptEvidence): string {
  const instant = {
    online: evidence.confirmedAt,
    fax: evidence.confirmedAt,
    ordinary_post: evidence.confirmedAt,
    in_person: evidence.handedInAt,
    registered_post: evidence.signedForAt,
  }[channel];
  if (!instant)
    throw new InvalidCommandError(
      'DISCLOSURE_RECEIPT_EVIDENCE_REQUIRED',
      `A request by ${channel} counts as received on a day that was not given (art.31).`,
      { channel },
    );
  return shanghaiDate(instant);
}

export interface DeidentifiedDocument {
  type: string;
  /** The last four characters, for staff to tell documents apart when the applicant calls. */
  lastFour: string;
  /** SHA-256 of `pepper:TYPE:NUMBER`: finds the same applicant again, cannot be reversed without the pepper. */
  keyedHash: string;
}

/**
 * The identity document as stored: never the number itself. Trap: an identity number has little entropy
 * (region, birth date, sequence), so a plain hash is reversible by enumeration; the pepper is a deployment
 * secret kept outside the database, and a database alone does not give the numbers back.
 */
export function deidentifyDocument(type: string, number: string, pepper: string): DeidentifiedDocument {
  if (pepper.length < 16) throw new Error('The identity pepper (a deployment secret) has at least 16 characters.');
  const folded = number.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  return { type, lastFour: folded.slice(-4), keyedHash: pureSha256Hex(`${pepper}:${type}:${folded}`) };
}
