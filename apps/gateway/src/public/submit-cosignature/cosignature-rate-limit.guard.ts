import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClientBudget } from '../../common/limits/client-budget';
import type { LimitStore } from '../../common/limits/limit-store';
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
  private readonly budget: ClientBudget;

  constructor(@Inject(CONFIG) config: GatewayConfig, @Inject(LIMIT_STORE) store: LimitStore) {
    this.budget = new ClientBudget(
      store,
      'cosignature',
      { burst: config.COSIGNATURE_BURST, perMinute: config.COSIGNATURE_RATE_PER_MINUTE },
      'Too many cosignatures from this address; please wait a moment.',
    );
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    await this.budget.admit(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
    return true;
  }
}
