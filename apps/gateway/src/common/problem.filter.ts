import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode } from '../../../../libs/domain/src';
import { isDatabaseUnavailable, isUnstorableCharacter } from '../../../../libs/persistence/src';
import type { Logger } from '../../../../libs/runtime/src';
import { toDomainError } from '../../../../libs/temporal/src';
import { loggableUrl } from './log-redaction';
import { problem, type Problem } from './problem';

/** The code of an error the HTTP layer raised with only a status (Nest's HttpException, Fastify's errors). */
const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** gRPC UNAVAILABLE / DEADLINE_EXCEEDED from the Temporal client, or a refused connection. */
function isTemporalUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return (error as Error)?.name === 'ServiceError' || code === 14 || code === 4 || code === 'ECONNREFUSED';
}

function httpProblem(status: number, detail: string): Problem {
  const code = CODE_OF_STATUS[status];
  return code ? problem(code, detail) : problem('HTTP_ERROR', detail, {}, status);
}

/** Maps any error to problem+json. The one place where errors become HTTP. */
export function toProblem(raw: unknown): { problem: Problem; unexpected: boolean } {
  const error = toDomainError(raw);
  if (error instanceof DomainError) {
    return { problem: problem(error.code, error.message, error.details ?? {}), unexpected: false };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return { problem: httpProblem(status, error.message), unexpected: status >= 500 };
  }
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { problem: httpProblem(status, (error as Error).message), unexpected: false };
  }
  if (isUnstorableCharacter(error)) {
    return {
      problem: problem('INVALID_CHARACTER', 'The request holds a character that cannot be stored (such as NUL).'),
      unexpected: false,
    };
  }
  // Before Temporal's check: a refused database connection must not pass for the workflow service.
  if (isDatabaseUnavailable(error)) {
    return {
      problem: problem(
        'DATABASE_UNAVAILABLE',
        'The database is unavailable or busy. Try again shortly (opinions: with the same Idempotency-Key).',
      ),
      unexpected: true,
    };
  }
  if ((error as Error)?.name === 'LimitStoreUnavailableError') {
    return {
      problem: problem(
        'LIMITS_UNAVAILABLE',
        'The shared rate-limit store is not reachable; nothing was changed. Try again shortly.',
      ),
      unexpected: true,
    };
  }
  if (isTemporalUnavailable(error)) {
    return {
      problem: problem(
        'TEMPORAL_UNAVAILABLE',
        'The workflow service is not reachable; nothing was changed. Try again shortly.',
      ),
      unexpected: true,
    };
  }
  return { problem: problem('INTERNAL', 'An unexpected error occurred; it has been logged.'), unexpected: true };
}

/** A problem with a numeric `retryAfterSeconds` (e.g. LOGIN_THROTTLED) also answers `Retry-After`. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, value: Problem): void {
  if (typeof value['retryAfterSeconds'] === 'number')
    void reply.header('retry-after', String(value['retryAfterSeconds']));
  void reply
    .status(value.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send({ ...value, instance: request.url });
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly log: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const { problem: body, unexpected } = toProblem(error);
    if (unexpected) this.log.error('request failed', { method: request.method, url: loggableUrl(request.url), error });
    sendProblem(http.getResponse<FastifyReply>(), request, body);
  }
}
