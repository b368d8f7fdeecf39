import type { FastifyInstance } from 'fastify';
import { performance } from 'node:perf_hooks';
import { DomainError } from '../../../../libs/domain/src';
import { clientKeyOf } from './client-address';
import { ClientFairness } from './client-fairness';

/** Requests one client may have waiting behind its CLIENT_MAX_IN_FLIGHT before it is refused (429). */
const CLIENT_MAX_WAITING = 1024;
/** "Recently" for the loop share (ADR 35): a client's charge decays with it, and it says who is active. */
const LOOP_SHARE_WINDOW_MS = 1_000;

export interface FairAdmissionConfig {
  CLIENT_MAX_IN_FLIGHT: number;
  CLIENT_MAX_LOOP_SHARE: number;
}

/**
 * Every request waits for its client's turn (ADR 32: a slot among CLIENT_MAX_IN_FLIGHT; ADR 35: a share of
 * the event loop under CLIENT_MAX_LOOP_SHARE while others are served) before anything else runs; the slot
 * is freed when the response is done or the connection closes. A request whose client went away while it
 * waited passes its slot on without running. Nothing is refused but a queue past CLIENT_MAX_WAITING.
 */
export function registerFairAdmission(fastify: FastifyInstance, config: FairAdmissionConfig): void {
  const fairness = new ClientFairness({
    maxInFlight: config.CLIENT_MAX_IN_FLIGHT,
    maxWaiting: CLIENT_MAX_WAITING,
    maxLoopShare: config.CLIENT_MAX_LOOP_SHARE,
    windowMs: LOOP_SHARE_WINDOW_MS,
    now: () => performance.now(),
    loopBusy: () => performance.eventLoopUtilization().active,
    later: (run, ms) => void setTimeout(run, ms).unref(),
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    const key = clientKeyOf(request.ip);
    let state: 'queued' | 'running' | 'over' = 'queued';
    const start = (): void => {
      if (state === 'over') return fairness.leave(key);
      state = 'running';
      done();
    };
    // A waiting request starts after the I/O already pending, so other clients' requests are read first.
    const answer = fairness.enter(key, () => setImmediate(start));
    if (answer === 'full') {
      done(
        new DomainError(
          'CLIENT_BUSY',
          'rate_limited',
          'Too many requests from this address at once; wait for the earlier ones.',
          { retryAfterSeconds: 1 },
        ),
      );
      return;
    }
    reply.raw.once('close', () => {
      if (state === 'running') fairness.leave(key);
      state = 'over';
    });
    if (answer === 'now') start();
  });
}
