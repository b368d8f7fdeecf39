import { createHmac } from 'node:crypto';
import { lookupSecretFrom, SECRET_BYTES } from '../../../../libs/domain/src';

/**
 * The lookup secret of a request staff registered (a letter, a visit, a fax; ADR 123): derived from the
 * request id under the deployment's disclosure pepper, so staff can print it on the receipt they hand or
 * post to the applicant, and print it again, without the secret ever being stored (only its hash is, in
 * `disclosure_access`, as for online applications). Rotating the pepper changes it (the stored hash no
 * longer matches): the same caveat as the pepper's other uses.
 */
export function staffLookupSecret(pepper: string, requestId: string): string {
  const bytes = createHmac('sha256', pepper).update(`disclosure-staff-lookup\n${requestId}`).digest();
  return lookupSecretFrom(bytes.subarray(0, SECRET_BYTES));
}
