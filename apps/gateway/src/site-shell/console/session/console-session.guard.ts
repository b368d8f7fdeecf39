import { createParamDecorator, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { DomainError, type StaffActor } from '../../../../../../libs/domain/src';
import { staffActorOf } from '../../../common/staff.guard';
import { verifyStaffToken, type StaffTokenClaims } from '../../../common/staff-token';
import { CONFIG, DATA_SOURCE } from '../../../common/tokens';
import type { GatewayConfig } from '../../../config';
import {
  csrfMatches,
  csrfToken,
  isSecureBase,
  sameOriginRequest,
  sessionCookieName,
  CSRF_FIELD,
} from './console-session';

/** The signed-in staff member of a console request and the form token of their session. */
export interface ConsoleSession {
  actor: StaffActor;
  csrf: string;
  /** The session's token claims: what sign-out revokes (always set by the guard). */
  claims?: StaffTokenClaims;
  /** The names of the actor's unit, for the signed-in bar (ADR 108). */
  unitName?: { name: string; nameEn: string };
}

/** Thrown when a console page needs a session; the console filter redirects to the sign-in page. */
export class SignInRequiredError extends DomainError {
  constructor(readonly returnPath: string) {
    super('UNAUTHORIZED', 'unauthorized', 'Sign in to the console first.');
    this.name = 'SignInRequiredError';
  }
}

type ConsoleRequest = FastifyRequest & {
  consoleSession?: ConsoleSession;
  cookies?: Record<string, string | undefined>;
};

/**
 * The guard of every console route but sign-in: a valid session cookie of an enabled account (else a
 * redirect to sign-in with the return path; a console session only, never an API token, under the account's
 * current token version and not signed out — ADR 30) and, on every POST, the same origin and the session's
 * `_csrf` token (else 403 CSRF_INVALID, nothing changed). Roles and units are checked by the handlers and
 * the domain rules, exactly as for the API. Never used on the JSON API, which stays Bearer-only.
 */
@Injectable()
export class ConsoleSessionGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ConsoleRequest>();
    const token = request.cookies?.[sessionCookieName(isSecureBase(this.config.PUBLIC_BASE_URL))];
    const verified = token ? await verifyStaffToken(this.jwt, this.dataSource, token, 'console') : undefined;
    if (!verified) throw new SignInRequiredError(request.method === 'GET' ? request.url : '/console');
    const { account, claims } = verified;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const body = (request.body ?? {}) as Record<string, unknown>;
      if (
        !sameOriginRequest(request.headers, this.config.PUBLIC_BASE_URL) ||
        !csrfMatches(this.config.AUTH_SECRET, 'session', claims.sid, body[CSRF_FIELD])
      ) {
        throw new DomainError(
          'CSRF_INVALID',
          'forbidden',
          'The form token is missing or wrong, or the form came from another site.',
        );
      }
    }
    request.consoleSession = {
      actor: staffActorOf(account),
      csrf: csrfToken(this.config.AUTH_SECRET, 'session', claims.sid),
      claims,
      unitName: account.unitName,
    };
    return true;
  }
}

/** The console session set by ConsoleSessionGuard. */
export const CurrentSession = createParamDecorator((_: unknown, context: ExecutionContext): ConsoleSession => {
  const session = context.switchToHttp().getRequest<ConsoleRequest>().consoleSession;
  if (!session) throw new SignInRequiredError('/console');
  return session;
});
