import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../../libs/domain/src';
import { clientKeyOf } from '../common/client-address';
import type { LimitRule, LimitStore } from '../common/limits/limit-store';
import { CONFIG, LIMIT_STORE } from '../common/tokens';
import type { GatewayConfig } from '../config';

/**
 * The per-client limits of on-request disclosure, in the shared limit store (ADR 31) like the opinion
 * limit: one budget for applications and one for lookups (`DISCLOSURE_RATE_PER_MINUTE` sustained,
 * `DISCLOSURE_BURST` at once), API and page together. The lookup's budget is what makes guessing a
 * receipt's 140-bit secret hopeless even for a receipt someone knows. Pages call `admit` inside their own
 * handling so that a refused form comes back with what was typed.
 */
@Injectable()
export class DisclosureRateLimit {
  private readonly rule: LimitRule;

  constructor(
    @Inject(CONFIG) config: GatewayConfig,
    @Inject(LIMIT_STORE) private readonly store: LimitStore,
  ) {
    this.rule = {
      limit: config.DISCLOSURE_BURST,
      windowMs: (config.DISCLOSURE_BURST * 60_000) / config.DISCLOSURE_RATE_PER_MINUTE,
    };
  }

  /** Takes one unit of the client's `kind` budget or throws RATE_LIMITED with `Retry-After` set. */
  async admit(kind: 'apply' | 'lookup', request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const waitMs = await this.store.take(`disclosure-${kind}:${clientKeyOf(request.ip)}`, this.rule, Date.now());
    if (waitMs === undefined) return;
    void reply.header('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))));
    throw new DomainError(
      'RATE_LIMITED',
      'rate_limited',
      kind === 'apply'
        ? 'Too many applications from this address; please wait a moment and try again.'
        : 'Too many lookups from this address; please wait a moment and try again.',
    );
  }
}
