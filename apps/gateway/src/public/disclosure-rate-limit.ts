import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClientBudget } from '../common/limits/client-budget';
import type { LimitStore } from '../common/limits/limit-store';
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
  private readonly budgets: Record<'apply' | 'lookup', ClientBudget>;

  constructor(@Inject(CONFIG) config: GatewayConfig, @Inject(LIMIT_STORE) store: LimitStore) {
    const rule = { burst: config.DISCLOSURE_BURST, perMinute: config.DISCLOSURE_RATE_PER_MINUTE };
    this.budgets = {
      apply: new ClientBudget(
        store,
        'disclosure-apply',
        rule,
        'Too many applications from this address; please wait a moment and try again.',
      ),
      lookup: new ClientBudget(
        store,
        'disclosure-lookup',
        rule,
        'Too many lookups from this address; please wait a moment and try again.',
      ),
    };
  }

  /** Takes one unit of the client's `kind` budget or throws RATE_LIMITED with `Retry-After` set. */
  admit(kind: 'apply' | 'lookup', request: FastifyRequest, reply: FastifyReply): Promise<void> {
    return this.budgets[kind].admit(request, reply);
  }
}
