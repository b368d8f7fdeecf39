import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../../libs/domain/src';
import type { GatewayConfig } from '../config';
import { clientKeyOf } from './client-address';
import type { LimitRule, LimitStore } from './limits/limit-store';
import { CONFIG, LIMIT_STORE } from './tokens';

/** Refusals remembered in this process, so a flood is refused without a store round trip. */
const REMEMBERED_REFUSALS = 100_000;

/**
 * The public-opinion limit: `OPINION_RATE_PER_MINUTE` sustained, `OPINION_BURST` at once, per client key
 * (`clientKeyOf(request.ip)`: the socket's address, or the client before the trusted proxies; IPv6 per
 * /64) — one budget in the shared limit store for the API and the page form and for every gateway
 * (ADR 31). A refusal is remembered here until it would be admitted again: the store only ever moves a
 * key's time forward on admission, so the remembered answer stays true and a flood costs no store writes.
 */
@Injectable()
export class OpinionRateLimitGuard implements CanActivate {
  private readonly refusedUntil = new Map<string, number>();
  private readonly rule: LimitRule;

  constructor(
    @Inject(CONFIG) config: GatewayConfig,
    @Inject(LIMIT_STORE) private readonly store: LimitStore,
  ) {
    this.rule = {
      limit: config.OPINION_BURST,
      windowMs: (config.OPINION_BURST * 60_000) / config.OPINION_RATE_PER_MINUTE,
    };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    await this.admit(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
    return true;
  }

  /**
   * Takes one opinion of the request's client's budget or throws RATE_LIMITED (with `Retry-After` set).
   * Pages call it inside their own handling so that a refused form is shown again with what was typed.
   */
  async admit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const client = clientKeyOf(request.ip);
    const now = Date.now();
    const remembered = this.refusedUntil.get(client);
    let waitMs = remembered !== undefined && remembered > now ? remembered - now : undefined;
    if (waitMs === undefined) {
      this.refusedUntil.delete(client);
      waitMs = await this.store.take(`opinion:${client}`, this.rule, now);
      if (waitMs !== undefined) this.remember(client, now + waitMs);
    }
    if (waitMs === undefined) return;
    void reply.header('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))));
    throw new DomainError(
      'RATE_LIMITED',
      'rate_limited',
      'Too many opinions from this address; please wait a moment and try again.',
    );
  }

  private remember(client: string, until: number): void {
    if (this.refusedUntil.size >= REMEMBERED_REFUSALS) this.refusedUntil.clear();
    this.refusedUntil.set(client, until);
  }
}
