import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../../../libs/domain/src';
import { clientKeyOf } from '../../common/client-address';
import type { LimitRule, LimitStore } from '../../common/limits/limit-store';
import type { GatewayConfig } from '../../config';
import { CONFIG, LIMIT_STORE } from '../../common/tokens';

/**
 * The cosignature submission limit, per client key, in the shared limit store (ADR 31) like the
 * opinion limit, with a budget of its own (`COSIGNATURE_RATE_PER_MINUTE` sustained, `COSIGNATURE_BURST` at
 * once): a busy witness never costs anyone an opinion. A witness submits a few times per checkpoint at
 * most; the limit bounds the Ed25519 verifications a client can ask for.
 */
@Injectable()
export class CosignatureRateLimitGuard implements CanActivate {
  private readonly rule: LimitRule;

  constructor(
    @Inject(CONFIG) config: GatewayConfig,
    @Inject(LIMIT_STORE) private readonly store: LimitStore,
  ) {
    this.rule = {
      limit: config.COSIGNATURE_BURST,
      windowMs: (config.COSIGNATURE_BURST * 60_000) / config.COSIGNATURE_RATE_PER_MINUTE,
    };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const client = clientKeyOf(http.getRequest<FastifyRequest>().ip);
    const waitMs = await this.store.take(`cosignature:${client}`, this.rule, Date.now());
    if (waitMs === undefined) return true;
    void http.getResponse<FastifyReply>().header('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))));
    throw new DomainError(
      'RATE_LIMITED',
      'rate_limited',
      'Too many cosignatures from this address; please wait a moment.',
    );
  }
}
