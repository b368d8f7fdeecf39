import type { OpenAPIObject } from '@nestjs/swagger';

const MUTATING = ['post', 'put', 'patch', 'delete'] as const;

/**
 * Documents what `StaffRequestInterceptor` does on every mutating staff operation (those with bearer
 * security): the Idempotency-Key header and the 422 and 503 answers that come with it (ADR 26, 27).
 */
export function documentStaffRequests(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of MUTATING) {
      const operation = item[method];
      if (!operation?.security?.some((requirement) => 'bearer' in requirement)) continue;
      operation.parameters = [
        ...(operation.parameters ?? []),
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Up to 128 printable ASCII characters, new for each request. A retry with the same key and body returns the original answer and writes nothing twice.',
          schema: { type: 'string', maxLength: 128 },
        },
      ];
      operation.responses = {
        ...operation.responses,
        '422': operation.responses['422'] ?? {
          description:
            'Refused by a rule; also IDEMPOTENCY_KEY_REUSED (the key was used with another body) and INVALID_IDEMPOTENCY_KEY.',
        },
        '503': {
          description:
            'OUTCOME_UNKNOWN: no outcome within the bound (STAFF_REQUEST_TIMEOUT_MS); the request may still be applied — retry with the same Idempotency-Key after Retry-After seconds. ' +
            'TEMPORAL_UNAVAILABLE / DATABASE_UNAVAILABLE: nothing was changed; retry shortly.',
        },
      };
    }
  }
  return document;
}
