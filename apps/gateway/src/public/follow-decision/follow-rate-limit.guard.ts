import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../../../libs/domain/src';
import { clientKeyOf } from '../../common/client-address';
import type { LimitRule, LimitStore } from '../../common/limits/limit-store';
import type { GatewayConfig } from '../../config';
import { CONFIG, LIMIT_STORE } from '../../common/tokens';

/**
 * The follow form's limit, per client key, in the shared limit store (ADR 31) with a budget of its own
 * (`FOLLOW_RATE_PER_MINUTE` sustained, `FOLLOW_BURST` at once): each accepted request sends a
 * confirmation mail to an address the client chose, so the limit bounds the mail anyone can cause.
 */
@Injectable()
export class FollowRateLimit {
  private readonly rule: LimitRule;

  constructor(
    @Inject(CONFIG) config: GatewayConfig,
    @Inject(LIMIT_STORE) private readonly store: LimitStore,
  ) {
    this.rule = {
      limit: config.FOLLOW_BURST,
      windowMs: (config.FOLLOW_BURST * 60_000) / config.FOLLOW_RATE_PER_MINUTE,
    };
  }

  /** Takes one request of the client's budget or throws RATE_LIMITED (with `Retry-After` set). */
  async admit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const waitMs = await this.store.take(`follow:${clientKeyOf(request.ip)}`, this.rule, Date.now());
    if (waitMs === undefined) return;
    void reply.header('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))));
    throw new DomainError('RATE_LIMITED', 'rate_limited', 'Too many follow requests from this address; wait a moment.');
  }
}
