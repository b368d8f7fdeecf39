import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { StaffActor } from '../../../../libs/domain/src';
import { StaffRequests } from './staff-requests';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Puts every mutating request of the staff API (an `/api/` path, an authenticated actor) through
 * {@link StaffRequests}: answered within the bound, applied once per Idempotency-Key. Runs after the
 * guards, so the actor is known; the console's forms call StaffRequests themselves with their form key.
 */
@Injectable()
export class StaffRequestInterceptor implements NestInterceptor {
  constructor(private readonly requests: StaffRequests) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: StaffActor }>();
    const actor = request.actor;
    if (!actor || READS.has(request.method) || !request.url.startsWith('/api/')) return next.handle();
    const header = request.headers['idempotency-key'];
    const key = Array.isArray(header) ? header.join(',') : header;
    return from(
      this.requests.run({ actor, key, method: request.method, path: request.url, body: request.body }, () =>
        lastValueFrom(next.handle()),
      ),
    );
  }
}
