import { DomainError } from '../errors/errors';

/** RFC 5321's limit on a forward path. */
const MAX_ADDRESS_LENGTH = 254;

/**
 * One mailbox `local@domain`: no spaces, no second `@`, no display name or list, a dotted domain
 * without empty labels. Deliberately plain: the double opt-in, not the syntax, proves an address.
 */
const ADDRESS =
  /^[^\s@<>(),;:"\\[\]]{1,64}@(?=.{1,253}$)[A-Za-z0-9\u00a1-\uffff](?:[A-Za-z0-9\u00a1-\uffff-]*[A-Za-z0-9\u00a1-\uffff])?(?:\.[A-Za-z0-9\u00a1-\uffff](?:[A-Za-z0-9\u00a1-\uffff-]*[A-Za-z0-9\u00a1-\uffff])?)+$/;

/**
 * The address a follower typed, trimmed and with its domain in lower case, or INVALID_EMAIL (ADR 95).
 * The local part keeps its case: servers may treat it as case-sensitive.
 */
export function normalizeFollowEmail(typed: string): string {
  const address = typed.trim();
  if (address.length === 0 || address.length > MAX_ADDRESS_LENGTH || !ADDRESS.test(address))
    throw new DomainError('INVALID_EMAIL', 'invalid', 'The e-mail address is not valid.');
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}`;
}
