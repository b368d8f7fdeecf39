import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../../../libs/domain/src';
import { clientKeyOf } from '../../common/client-address';
import type { LimitRule, LimitStore } from '../../common/limits/limit-store';
import { LIMIT_STORE } from '../../common/tokens';

/** A witness submits a cosignature a few times per checkpoint at most: 30 at once, then one every 2 s. */
const RULE: LimitRule = { limit: 30, windowMs: 60_000 };

/**
 * The cosignature submission limit, per client key, in the shared limit store (ADR 31) like the
 * opinion limit, with a budget of its own: a busy witness never costs anyone an opinion. Verifying a
 * cosignature costs two Ed25519 checks at most per configured witness; the limit bounds that work.
 */
@Injectable()
export class CosignatureRateLimitGuard implements CanActivate {
  constructor(@Inject(LIMIT_STORE) private readonly store: LimitStore) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const client = clientKeyOf(http.getRequest<FastifyRequest>().ip);
    const waitMs = await this.store.take(`cosignature:${client}`, RULE, Date.now());
    if (waitMs === undefined) return true;
    void http.getResponse<FastifyReply>().header('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))));
    throw new DomainError(
      'RATE_LIMITED',
      'rate_limited',
      'Too many cosignatures from this address; please wait a moment.',
    );
  }
}
