/**
 * Per-client fairness of the gateway's one event loop (ADR 32, ADR 35). Pure: the clocks and the timer
 * are passed in, so the rules can be tested with fixed times.
 *
 * - **In flight (ADR 32).** At most `maxInFlight` requests of one client key are handled at once; its
 *   further requests wait in its own FIFO queue. Past `maxWaiting` queued requests it is refused ('full').
 * - **Loop share (ADR 35).** Each client is charged the event-loop time spent while its requests ran: the
 *   loop's busy time between two events is divided equally among the requests running then (so waiting
 *   on Temporal or the network on an idle loop costs nothing). Its charge decays with `windowMs`; a
 *   charge of `windowMs × s` means the client held a share `s` of the loop recently. While another client
 *   was served within the last `windowMs`, a client over `maxLoopShare` is paced: its next request waits
 *   until its charge has decayed to the share again, which leaves the loop idle for the others' requests.
 *   Alone, a client is never paced. `maxLoopShare` 1 turns pacing off.
 */
export interface FairnessOptions {
  maxInFlight: number;
  maxWaiting: number;
  /** Share of the loop (0–1] a client may hold while another client is active; 1: no pacing. */
  maxLoopShare: number;
  /** How far back "recently" reaches: the decay time of a client's charge, and of "active". */
  windowMs: number;
  /** Wall-clock milliseconds (monotonic). */
  now: () => number;
  /** The event loop's busy milliseconds so far (monotonic; `performance.eventLoopUtilization().active`). */
  loopBusy: () => number;
  /** Calls `run` after `ms` milliseconds (a timer that does not keep the process alive). */
  later: (run: () => void, ms: number) => void;
}

interface Client {
  running: number;
  waiting: Array<() => void>;
  /** Decayed loop time charged, in ms, as of `chargedAt`. */
  charge: number;
  chargedAt: number;
  /** `served` (the loop time each running request has received) when `charge` was last settled. */
  servedMark: number;
  paced: boolean;
}

export class ClientFairness {
  private readonly clients = new Map<string, Client>();
  /** Loop time received by each running request since start: grows by busy ÷ running between events. */
  private served = 0;
  private running = 0;
  private busyMark: number;
  /** The two clients seen most recently, most recent first: who else was active, in O(1). */
  private latest = { key: '', at: -Infinity };
  private before = { key: '', at: -Infinity };
  /** Idle clients are swept out when the map grows past this, or a new client comes after a while. */
  private sweepAt = 1024;
  private sweptAt = 0;

  constructor(private readonly options: FairnessOptions) {
    this.busyMark = options.loopBusy();
  }

  /** 'now' when the request may run at once, 'queued' when `start` will be called later, 'full' when refused. */
  enter(key: string, start: () => void): 'now' | 'queued' | 'full' {
    const client = this.clientOf(key);
    this.touch(key);
    if (client.waiting.length === 0 && client.running < this.options.maxInFlight && !this.mustPace(key, client)) {
      this.begin(client);
      return 'now';
    }
    if (client.waiting.length >= this.options.maxWaiting) return 'full';
    client.waiting.push(start);
    this.pump(key, client);
    return 'queued';
  }

  /** A request that entered (or started) has finished or was abandoned: the client's next may start. */
  leave(key: string): void {
    const client = this.clients.get(key);
    if (!client || client.running === 0) return;
    this.settle(client);
    client.running -= 1;
    this.running -= 1;
    this.touch(key);
    this.pump(key, client);
  }

  /** Requests running and waiting for a key, and the share of the loop it held recently (for tests and logs). */
  load(key: string): { running: number; waiting: number; loopShare: number } {
    const client = this.clients.get(key);
    if (!client) return { running: 0, waiting: 0, loopShare: 0 };
    this.settle(client);
    return {
      running: client.running,
      waiting: client.waiting.length,
      loopShare: client.charge / this.options.windowMs,
    };
  }

  /** Clients whose state is kept (for tests). */
  get tracked(): number {
    return this.clients.size;
  }

  private clientOf(key: string): Client {
    let client = this.clients.get(key);
    if (!client) {
      if (this.clients.size >= this.sweepAt || this.options.now() - this.sweptAt > 10 * this.options.windowMs)
        this.sweep();
      this.advance();
      client = {
        running: 0,
        waiting: [],
        charge: 0,
        chargedAt: this.options.now(),
        servedMark: this.served,
        paced: false,
      };
      this.clients.set(key, client);
    }
    return client;
  }

  /** Starts as many waiting requests as the client's slots and its share allow; paced: tries again later. */
  private pump(key: string, client: Client): void {
    while (client.waiting.length > 0 && client.running < this.options.maxInFlight && !client.paced) {
      if (this.mustPace(key, client)) {
        client.paced = true;
        this.options.later(() => {
          client.paced = false;
          this.pump(key, client);
        }, this.paceDelay(client));
        return;
      }
      this.begin(client);
      client.waiting.shift()!();
    }
  }

  private begin(client: Client): void {
    this.settle(client);
    client.running += 1;
    this.running += 1;
  }

  private mustPace(key: string, client: Client): boolean {
    if (this.options.maxLoopShare >= 1) return false;
    this.settle(client);
    if (client.charge <= this.options.maxLoopShare * this.options.windowMs) return false;
    const other = this.latest.key !== key ? this.latest : this.before;
    return this.options.now() - other.at < this.options.windowMs;
  }

  /** Milliseconds until the client's charge has decayed to its share (at least 1). */
  private paceDelay(client: Client): number {
    const allowed = this.options.maxLoopShare * this.options.windowMs;
    return Math.max(1, Math.ceil(this.options.windowMs * Math.log(client.charge / allowed)));
  }

  /** Divides the loop's busy time since the last event among the requests running meanwhile. */
  private advance(): void {
    const busy = this.options.loopBusy();
    if (this.running > 0) this.served += (busy - this.busyMark) / this.running;
    this.busyMark = busy;
  }

  /** Brings a client's charge up to now: decay, plus the loop time its running requests received. */
  private settle(client: Client): void {
    this.advance();
    const now = this.options.now();
    const decay = Math.exp(-(now - client.chargedAt) / this.options.windowMs);
    client.charge = client.charge * decay + client.running * (this.served - client.servedMark);
    client.chargedAt = now;
    client.servedMark = this.served;
  }

  private touch(key: string): void {
    const at = this.options.now();
    if (this.latest.key === key) {
      this.latest.at = at;
    } else {
      this.before = this.latest;
      this.latest = { key, at };
    }
  }

  /** Drops idle clients whose charge has decayed to nothing, so the map holds only recent clients. */
  private sweep(): void {
    for (const [key, client] of this.clients) {
      if (client.running > 0 || client.waiting.length > 0 || client.paced) continue;
      this.settle(client);
      if (client.charge < 0.01) this.clients.delete(key);
    }
    this.sweepAt = Math.max(1024, 2 * this.clients.size);
    this.sweptAt = this.options.now();
  }
}
