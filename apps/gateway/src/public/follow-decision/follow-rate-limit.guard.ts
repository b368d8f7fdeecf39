import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClientBudget } from '../../common/limits/client-budget';
import type { LimitStore } from '../../common/limits/limit-store';
import type { GatewayConfig } from '../../config';
import { CONFIG, LIMIT_STORE } from '../../common/tokens';

/**
 * The follow form's limit, per client key, in the shared limit store (ADR 31) with a budget of its own
 * (`FOLLOW_RATE_PER_MINUTE` sustained, `FOLLOW_BURST` at once): each accepted request sends a
 * confirmation mail to an address the client chose, so the limit bounds the mail anyone can cause.
 */
@Injectable()
export class FollowRateLimit {
  private readonly budget: ClientBudget;

  constructor(@Inject(CONFIG) config: GatewayConfig, @Inject(LIMIT_STORE) store: LimitStore) {
    this.budget = new ClientBudget(
      store,
      'follow',
      { burst: config.FOLLOW_BURST, perMinute: config.FOLLOW_RATE_PER_MINUTE },
      'Too many follow requests from this address; wait a moment.',
    );
  }

  /** Takes one request of the client's budget or throws RATE_LIMITED (with `Retry-After` set). */
  admit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    return this.budget.admit(request, reply);
  }
}
