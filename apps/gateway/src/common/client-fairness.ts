/**
 * Per-client fairness (ADR 32): at most `maxInFlight` requests of one client key are handled at once;
 * its further requests wait in its own queue (FIFO) and start as its earlier ones finish. A client with
 * 64 connections then holds the event loop no longer than one with `maxInFlight`, so other clients'
 * requests are not queued behind its flood. Past `maxWaiting` queued requests a client is refused (503
 * with Retry-After), so its queue cannot hold unbounded memory.
 */
export class ClientFairness {
  private readonly clients = new Map<string, { running: number; waiting: Array<() => void> }>();

  constructor(
    private readonly maxInFlight: number,
    private readonly maxWaiting: number,
  ) {}

  /** 'now' when the request may run at once, 'queued' when `start` will be called later, 'full' when refused. */
  enter(key: string, start: () => void): 'now' | 'queued' | 'full' {
    const client = this.clients.get(key) ?? { running: 0, waiting: [] };
    this.clients.set(key, client);
    if (client.running < this.maxInFlight) {
      client.running += 1;
      return 'now';
    }
    if (client.waiting.length >= this.maxWaiting) return 'full';
    client.waiting.push(start);
    return 'queued';
  }

  /** A request that entered has finished (or was abandoned): the client's next waiting request starts. */
  leave(key: string): void {
    const client = this.clients.get(key);
    if (!client) return;
    const next = client.waiting.shift();
    if (next) {
      next();
      return;
    }
    client.running -= 1;
    if (client.running <= 0) this.clients.delete(key);
  }

  /** Requests running and waiting for a key (for tests). */
  load(key: string): { running: number; waiting: number } {
    const client = this.clients.get(key);
    return { running: client?.running ?? 0, waiting: client?.waiting.length ?? 0 };
  }
}
