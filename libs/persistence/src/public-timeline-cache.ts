import type { DataSource } from 'typeorm';
import type { PublicLogEntry } from '../../domain/src';
import {
  findPublicTimeline,
  findPublicTimelineHead,
  publicTimelineHeadSql,
  timelineHeadOf,
  type TimelineHeadRow,
} from './public-read.repository';

/** A public timeline as served: its JSON body and its entity tag (the chain head, ADR 0114). */
export interface ServedTimeline {
  tag: string;
  body: string;
}

/** The PostgreSQL channel the log's triggers notify with a decision id, or `*` for "everything" (ADR 0126). */
export const PUBLIC_LOG_CHANNEL = 'od_public_log';

/** The timeline's entity tag is its chain head: append-only and hash-chained, the head names one timeline. */
export function timelineTag(head: { seq: number; hash: string } | null): string {
  return head ? `"${head.seq}-${head.hash}"` : '"empty"';
}

/** The JSON answer of `GET /api/v1/public/decisions/{id}/timeline` for these entries. */
export function timelineBody(entries: PublicLogEntry[]): ServedTimeline {
  const last = entries.at(-1);
  const head = last ? { seq: last.seq, hash: last.hash } : null;
  return { tag: timelineTag(head), body: JSON.stringify({ entries, head }) };
}

export interface PublicTimelineCacheOptions {
  /** Bytes of bodies kept at most (oldest dropped first); 0 keeps nothing and every read goes to the database. */
  maxBytes: number;
  /** Where a lost notification connection is reported (it is re-opened with back-off meanwhile). */
  warn?: (message: string, error?: unknown) => void;
}

type SqliteHandle = { prepare(sql: string): { get(...params: unknown[]): unknown } };

/**
 * The hottest public read — a decision's timeline — kept in the gateway as its serialized answer, and served
 * from memory only while it is provably the current one (ADR 0126). Nothing is ever served stale:
 *
 * - **SQLite** (the database is a file on this machine): every request reads the chain head with one prepared
 *   statement on the driver's handle — a few microseconds, no I/O beyond the page cache — and the kept body is
 *   served when its tag is that head. The worker appends in another process; the head read sees its commits.
 * - **PostgreSQL** (a server over the network, several gateways): a round trip per request is what the cache
 *   saves, so validity comes from the database instead. Triggers on `public_events` and `decisions` notify
 *   {@link PUBLIC_LOG_CHANNEL} with the decision id when a transaction commits; one listening connection drops
 *   the entry. A read whose notification could have crossed it is served but not kept. While the listening
 *   connection is down nothing is kept and every read goes to the database.
 */
export class PublicTimelineCache {
  private readonly entries = new Map<string, ServedTimeline>();
  private bytes = 0;
  private closed = false;
  /** Every notification bumps it: a read that saw it move while in flight is not kept. */
  private notifications = 0;
  private listening = false;
  private listener: PgClient | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private backoffMs = 250;
  private readonly head: ((id: string) => { seq: number; hash: string } | null | undefined) | undefined;

  private constructor(
    private readonly dataSource: DataSource,
    private readonly options: PublicTimelineCacheOptions,
  ) {
    if (dataSource.options.type === 'better-sqlite3' && options.maxBytes > 0) {
      const handle = (dataSource.driver as unknown as { databaseConnection: SqliteHandle }).databaseConnection;
      const statement = handle.prepare(publicTimelineHeadSql(false));
      this.head = (id) => timelineHeadOf(statement.get(id) as TimelineHeadRow | undefined);
    }
  }

  /** A cache for this database; on PostgreSQL it starts listening (reads go to the database until it does). */
  static open(dataSource: DataSource, options: PublicTimelineCacheOptions): PublicTimelineCache {
    const cache = new PublicTimelineCache(dataSource, options);
    if (dataSource.options.type === 'postgres' && options.maxBytes > 0) void cache.listen();
    return cache;
  }

  /** Whether reads are being served from memory now (SQLite always; PostgreSQL while listening). */
  get active(): boolean {
    return this.options.maxBytes > 0 && !this.closed && (this.head !== undefined || this.listening);
  }

  /**
   * The current timeline's tag only — what a revalidation needs — or undefined when the decision is not public.
   */
  async tag(id: string): Promise<string | undefined> {
    if (this.head) {
      const head = this.head(id);
      return head === undefined ? undefined : timelineTag(head);
    }
    const kept = this.listening ? this.entries.get(id) : undefined;
    if (kept) return kept.tag;
    const head = await findPublicTimelineHead(this.dataSource, id);
    return head === undefined ? undefined : timelineTag(head);
  }

  /** The current timeline as served, or undefined when the decision is unknown or not public. */
  async read(id: string): Promise<ServedTimeline | undefined> {
    if (this.head) {
      const head = this.head(id);
      if (head === undefined) return undefined;
      const kept = this.entries.get(id);
      if (kept && kept.tag === timelineTag(head)) return kept;
      return this.load(id, true);
    }
    if (this.listening) {
      const kept = this.entries.get(id);
      if (kept) return kept;
    }
    const before = this.notifications;
    const wasListening = this.listening;
    const served = await this.load(id, false);
    if (served && wasListening && this.listening && this.notifications === before) this.keep(id, served);
    return served;
  }

  private async load(id: string, keep: boolean): Promise<ServedTimeline | undefined> {
    const entries = await findPublicTimeline(this.dataSource, id);
    if (!entries) {
      this.drop(id);
      return undefined;
    }
    const served = timelineBody(entries);
    if (keep) this.keep(id, served);
    return served;
  }

  private keep(id: string, served: ServedTimeline): void {
    if (this.options.maxBytes <= 0 || this.closed) return;
    this.drop(id);
    const size = served.body.length * 2;
    if (size > this.options.maxBytes / 4) return;
    this.entries.set(id, served);
    this.bytes += size;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.length * 2;
    }
  }

  private drop(id: string): void {
    const kept = this.entries.get(id);
    if (!kept) return;
    this.entries.delete(id);
    this.bytes -= kept.body.length * 2;
  }

  private forgetAll(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const pool = (this.dataSource.driver as unknown as { master: { connect(): Promise<PgClient> } }).master;
    let client: PgClient | undefined;
    try {
      client = await pool.connect();
      const lost = (error?: unknown): void => {
        if (this.listener !== client) return;
        this.listening = false;
        this.listener = undefined;
        this.notifications += 1;
        this.forgetAll();
        if (client) retire(client);
        if (this.closed) return;
        this.options.warn?.(
          'public timeline cache: the notification connection was lost; reading from the database',
          error,
        );
        this.scheduleListen();
      };
      client.on('notification', (message: { channel: string; payload?: string }) => {
        if (message.channel !== PUBLIC_LOG_CHANNEL) return;
        this.notifications += 1;
        if (!message.payload || message.payload === '*') this.forgetAll();
        else this.drop(message.payload);
      });
      client.on('error', lost);
      client.on('end', () => lost(new Error('connection ended')));
      this.listener = client;
      await client.query(`LISTEN ${PUBLIC_LOG_CHANNEL}`);
      if (this.closed) {
        lost();
        return;
      }
      // Anything kept before this point could have missed a notification.
      this.forgetAll();
      this.notifications += 1;
      this.listening = true;
      this.backoffMs = 250;
    } catch (error) {
      if (client && this.listener === client) {
        this.listener = undefined;
        retire(client);
      }
      if (this.closed) return;
      this.options.warn?.(
        'public timeline cache: cannot listen for log notifications; reading from the database',
        error,
      );
      this.scheduleListen();
    }
  }

  private scheduleListen(): void {
    if (this.closed || this.reconnect) return;
    this.reconnect = setTimeout(() => {
      this.reconnect = undefined;
      void this.listen();
    }, this.backoffMs);
    this.reconnect.unref();
    this.backoffMs = Math.min(this.backoffMs * 2, 30_000);
  }

  /** Nest's shutdown hook: the gateway closes it before the database. */
  onModuleDestroy(): void {
    this.close();
  }

  /** Stops listening and forgets every kept body. */
  close(): void {
    this.closed = true;
    this.listening = false;
    if (this.reconnect) clearTimeout(this.reconnect);
    this.reconnect = undefined;
    this.forgetAll();
    const client = this.listener;
    this.listener = undefined;
    if (client) {
      retire(client);
    }
  }
}

interface PgClient {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): void;
  on(event: 'error' | 'end', listener: (error?: unknown) => void): void;
  removeAllListeners(): void;
  release(destroy?: boolean): void;
}

/** Stops listening on a client and destroys it; a late `error` from the dying socket must not crash the process. */
function retire(client: PgClient): void {
  client.removeAllListeners();
  client.on('error', () => undefined);
  client.release(true);
}
