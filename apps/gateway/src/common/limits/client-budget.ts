import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../../../libs/domain/src';
import { clientKeyOf } from '../client-address';
import type { LimitRule, LimitStore } from './limit-store';

/**
 * One per-client budget in the shared limit store (ADR 31): `perMinute` sustained, `burst` at once, per client
 * key (`clientKeyOf(request.ip)`), under `name`. `admit` takes one unit or throws RATE_LIMITED with
 * `Retry-After` set; pages call it inside their own handling so that a refused form comes back with what was typed.
 */
export class ClientBudget {
  private readonly rule: LimitRule;

  constructor(
    private readonly store: LimitStore,
    private readonly name: string,
    { burst, perMinute }: { burst: number; perMinute: number },
    private readonly refusal: string,
  ) {
    this.rule = { limit: burst, windowMs: (burst * 60_000) / perMinute };
  }

  async admit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const waitMs = await this.store.take(`${this.name}:${clientKeyOf(request.ip)}`, this.rule, Date.now());
    if (waitMs === undefined) return;
    void reply.header('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))));
    throw new DomainError('RATE_LIMITED', 'rate_limited', this.refusal);
  }
}
