import {
  Inject,
  Injectable,
  SetMetadata,
  createParamDecorator,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { DomainError, type Role, type StaffActor } from '../../../../libs/domain/src';
import type { Account } from '../../../../libs/persistence/src';
import { verifyStaffToken, type StaffTokenClaims } from './staff-token';
import { DATA_SOURCE } from './tokens';

const ROLES_KEY = 'od:staff-roles';

/** Marks a handler as staff-only; with roles, only those roles may call it. */
export const Staff = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

type StaffRequest = FastifyRequest & { actor?: StaffActor; tokenClaims?: StaffTokenClaims };

/** Who acts, as the rules and the internal log see an account (the API's token and the console's session alike). */
export function staffActorOf(account: Pick<Account, 'id' | 'username' | 'unit' | 'role'>): StaffActor {
  return { accountId: account.id, username: account.username, unit: account.unit, role: account.role };
}

/** The authenticated staff actor of the request (set by StaffGuard). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): StaffActor => {
  const actor = context.switchToHttp().getRequest<StaffRequest>().actor;
  if (!actor) throw new DomainError('UNAUTHORIZED', 'unauthorized', 'Log in first.');
  return actor;
});

/** The claims of the request's API token (set by StaffGuard): what sign-out revokes. */
export const CurrentTokenClaims = createParamDecorator((_: unknown, context: ExecutionContext): StaffTokenClaims => {
  const claims = context.switchToHttp().getRequest<StaffRequest>().tokenClaims;
  if (!claims) throw new DomainError('UNAUTHORIZED', 'unauthorized', 'Log in first.');
  return claims;
});

/**
 * The one guard for staff endpoints: a valid API Bearer token (never a console session, ADR 30) of an
 * enabled account, under its current token version and not signed out, whose role is allowed.
 * Unit scope is part of each action's rule in libs/domain, which knows the decision's unit.
 */
@Injectable()
export class StaffGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles) return true;
    const request = context.switchToHttp().getRequest<StaffRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token)
      throw new DomainError('UNAUTHORIZED', 'unauthorized', 'A Bearer token from POST /api/v1/auth/login is required.');
    const verified = await verifyStaffToken(this.jwt, this.dataSource, token, 'api');
    if (!verified)
      throw new DomainError(
        'TOKEN_INVALID',
        'unauthorized',
        'The token is invalid, expired or ended (signed out, password changed, account disabled); log in again.',
      );
    const { account, claims } = verified;
    if (roles.length > 0 && !roles.includes(account.role)) {
      throw new DomainError(
        'ROLE_NOT_ALLOWED',
        'forbidden',
        `This action needs one of the roles: ${roles.join(', ')}.`,
      );
    }
    request.actor = staffActorOf(account);
    request.tokenClaims = claims;
    return true;
  }
}
