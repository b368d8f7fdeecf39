import type { FastifyRequest } from 'fastify';
import type { StaffActor } from '../../../../../libs/domain/src';
import type { StaffRequest } from '../../common/staff-requests';
import { CSRF_FIELD } from './session/console-session';

/**
 * The hidden field that carries a console form's Idempotency-Key, made when the form is rendered
 * (`csrfInput`): a double submit or a refreshed POST sends the same key, so the step is applied once.
 * A refused form is rendered again with a new key, so the corrected one is a new request.
 */
export const FORM_KEY_FIELD = '_key';

/** A console form POST as a staff request: its key, and its fields without the CSRF token and the key. */
export function formRequest(
  request: FastifyRequest,
  actor: StaffActor,
  body: Record<string, unknown> | undefined,
): StaffRequest {
  const { [CSRF_FIELD]: _csrf, [FORM_KEY_FIELD]: key, ...fields } = body ?? {};
  return {
    actor,
    key: typeof key === 'string' && key !== '' ? key : undefined,
    method: request.method,
    path: request.url,
    body: fields,
  };
}
