import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../../libs/domain/src';
import type { GatewayConfig } from '../config';
import { CONFIG } from './tokens';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Per-client token bucket for public writes: `OPINION_RATE_PER_MINUTE` sustained, `OPINION_BURST` at
 * once. The client is the socket's address (forwarding headers are not trusted: no proxy is
 * configured), so a flood from one source is refused with 429 and never slows other clients. Limits
 * are per gateway process; idle buckets are dropped.
 */
@Injectable()
export class OpinionRateLimitGuard implements CanActivate {
  private readonly buckets = new Map<string, Bucket>();

  constructor(@Inject(CONFIG) private readonly config: GatewayConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    this.admit(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
    return true;
  }

  /**
   * Takes one token for the request's client or throws RATE_LIMITED (with `Retry-After` set). Pages call
   * it inside their own handling so that a refused form is shown again with what was typed.
   */
  admit(request: FastifyRequest, reply: FastifyReply): void {
    const client = request.socket.remoteAddress ?? 'unknown';
    const now = Date.now();
    const rate = this.config.OPINION_RATE_PER_MINUTE / 60_000;
    const burst = this.config.OPINION_BURST;
    const previous = this.buckets.get(client) ?? { tokens: burst, at: now };
    const tokens = Math.min(burst, previous.tokens + (now - previous.at) * rate);
    if (this.buckets.size > 100_000) this.evictFull(now, rate, burst);
    if (tokens < 1) {
      this.buckets.set(client, { tokens, at: now });
      void reply.header('retry-after', String(Math.ceil((1 - tokens) / rate / 1000)));
      throw new DomainError('RATE_LIMITED', 'rate_limited', 'Too many opinions from this address; please wait a moment and try again.');
    }
    this.buckets.set(client, { tokens: tokens - 1, at: now });
  }

  private evictFull(now: number, rate: number, burst: number): void {
    for (const [client, bucket] of this.buckets) if (bucket.tokens + (now - bucket.at) * rate >= burst) this.buckets.delete(client);
  }
}
