import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { syntheticOpinions } from '../../libs/opinion-analysis/src/spec-support/opinion-corpus';
import { createBenchDatabase } from './databases';

/**
 * "1,000,000 opinions: seal + clustering + statistics" (docs/benchmarks.md). A consultation's opinions
 * are generated (≈60% copies of 20 form letters with small edits, the rest distinct opinions over a
 * Chinese vocabulary, 30% of those citing a section) and bulk-inserted — not part of the figure — then
 * child processes run, one at a time: the figure (seal, cluster, statistics) and two baselines over the
 * same rows (an aggregate scan in the database; one keyset-paged read of every row into the process).
 */

export interface MillionRun {
  wallMs: number;
  maxRssMiB: number;
  steps: Record<string, number>;
  detail: Record<string, unknown>;
}

export interface MillionResult {
  database: 'sqlite' | 'postgres';
  opinions: number;
  generationSec: number;
  figure: MillionRun;
  scan: MillionRun;
  stream: MillionRun;
  targets: { wallMs: number; rssMiB: number };
  /** Bytes the opinions table and its indexes take after the figure (for sizing, docs/operations.md). */
  opinionsBytes: number;
}

const DECISION = 'bench-million';
const BASE = Date.parse('2026-11-01T00:00:00.000Z');
const COLUMNS = [
  'receipt',
  'decision_id',
  'phase',
  'channel',
  'section',
  'text_raw',
  'text_public',
  'contact',
  'idempotency_key',
  'request_hash',
  'received_at',
  'status',
  'withheld_reason',
  'round',
  'cluster_id',
];

type Row = [
  string,
  string,
  string,
  string,
  string | null,
  string,
  string,
  null,
  null,
  string,
  string,
  string,
  string | null,
  number,
  null,
];

function* rows(count: number): Generator<Row> {
  let i = 0;
  for (const opinion of syntheticOpinions(count, { seed: 2026 })) {
    const receipt = `OD-B${i.toString(36).toUpperCase().padStart(8, '0')}`;
    const withheld = i % 33 === 0;
    yield [
      receipt,
      DECISION,
      'consultation',
      i % 29 === 0 ? 'hearing' : 'online',
      opinion.section,
      opinion.text,
      opinion.text,
      null,
      null,
      receipt,
      new Date(BASE + i * 50).toISOString(),
      withheld ? 'withheld' : 'published',
      withheld ? 'spam' : null,
      1,
      null,
    ];
    i += 1;
  }
}

const window = (count: number): unknown[] => [
  DECISION,
  'open',
  new Date(BASE - 86_400_000).toISOString(),
  new Date(BASE + count * 50 + 86_400_000).toISOString(),
  1,
];

function seedSqlite(file: string, count: number): void {
  const db = new Database(file);
  try {
    db.pragma('synchronous = OFF');
    db.prepare(
      'INSERT INTO consultations (decision_id, status, opens_at, closes_at, round) VALUES (?, ?, ?, ?, ?)',
    ).run(...window(count));
    const insert = db.prepare(
      `INSERT INTO opinions (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
    );
    const batch = db.transaction((items: Row[]) => items.forEach((row) => insert.run(...row)));
    let items: Row[] = [];
    for (const row of rows(count)) {
      items.push(row);
      if (items.length === 50_000) {
        batch(items);
        items = [];
      }
    }
    batch(items);
  } finally {
    db.close();
  }
}

async function seedPostgres(url: string, count: number): Promise<void> {
  const client = new PgClient({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      'INSERT INTO consultations (decision_id, status, opens_at, closes_at, round) VALUES ($1, $2, $3, $4, $5)',
      window(count),
    );
    const types = [
      'varchar',
      'varchar',
      'varchar',
      'varchar',
      'varchar',
      'text',
      'text',
      'text',
      'varchar',
      'varchar',
      'varchar',
      'varchar',
      'varchar',
      'int',
      'varchar',
    ];
    const sql = `INSERT INTO opinions (${COLUMNS.join(', ')}) SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;
    let items: Row[] = [];
    const flush = async (): Promise<void> => {
      if (items.length > 0)
        await client.query(
          sql,
          COLUMNS.map((_, c) => items.map((row) => row[c])),
        );
      items = [];
    };
    for (const row of rows(count)) {
      items.push(row);
      if (items.length === 10_000) await flush();
    }
    await flush();
    await client.query('ANALYZE opinions');
  } finally {
    await client.end();
  }
}

/** The decision `bench-million` with an open consultation and `count` opinions, bulk-inserted. */
export async function seedMillion(kind: 'sqlite' | 'postgres', url: string, count: number): Promise<void> {
  if (kind === 'sqlite') seedSqlite(url, count);
  else await seedPostgres(url, count);
}

function runChild(root: string, mode: string, url: string): Promise<MillionRun> {
  return new Promise((resolve, reject) => {
    const script = join(root, 'dist', 'test', 'bench', 'million-child.js');
    execFile(
      process.execPath,
      [script, mode],
      {
        env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: url, DECISION_ID: DECISION },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`million-child ${mode} failed: ${stderr || error.message}`));
        resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as MillionRun);
      },
    );
  });
}

export async function benchMillion(options: {
  root: string;
  kind: 'sqlite' | 'postgres';
  count: number;
  password: string;
  adminUrl: string | undefined;
  defer: (what: string, run: () => Promise<unknown>) => void;
  log: (message: string) => void;
}): Promise<MillionResult> {
  const { kind, count, log } = options;
  const database = await createBenchDatabase(kind, options.password, options.adminUrl);
  options.defer(`drop the ${kind} million-opinion database`, () => database.drop());
  log(`${kind}: generating and inserting ${count.toLocaleString('en')} opinions`);
  const started = performance.now();
  await seedMillion(kind, database.url, count);
  const generationSec = (performance.now() - started) / 1000;
  log(
    `${kind}: inserted in ${generationSec.toFixed(0)} s; warm-up scan, baselines, then seal + clustering + statistics`,
  );
  await runChild(options.root, 'scan', database.url);
  const scan = await runChild(options.root, 'scan', database.url);
  const stream = await runChild(options.root, 'stream', database.url);
  const figure = await runChild(options.root, 'measure', database.url);
  const opinionsBytes = await opinionsTableBytes(kind, database.url);
  return {
    database: kind,
    opinions: count,
    generationSec,
    figure,
    scan,
    stream,
    targets: { wallMs: 60_000, rssMiB: 1024 },
    opinionsBytes,
  };
}

/** The opinions table with its indexes (and, on PostgreSQL, its TOAST), in bytes. */
async function opinionsTableBytes(kind: 'sqlite' | 'postgres', url: string): Promise<number> {
  if (kind === 'sqlite') {
    const db = new Database(url, { readonly: true });
    try {
      const row = db
        .prepare(
          `SELECT SUM(pgsize) AS bytes FROM dbstat WHERE name IN (SELECT name FROM sqlite_master WHERE tbl_name = 'opinions')`,
        )
        .get() as { bytes: number };
      return row.bytes;
    } finally {
      db.close();
    }
  }
  const client = new PgClient({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string }>(`SELECT pg_total_relation_size('opinions') AS bytes`);
    return Number(rows[0]!.bytes);
  } finally {
    await client.end();
  }
}

/** The million-opinion table of one database. */
export function formatMillion(result: MillionResult): string {
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const line = (label: string, run: MillionRun): string =>
    `${label.padEnd(58)} ${s(run.wallMs).padStart(8)} ${`${run.maxRssMiB.toFixed(0)} MiB`.padStart(9)}`;
  const { figure } = result;
  const steps = Object.entries(figure.steps)
    .map(([name, ms]) => `${name} ${s(ms)}`)
    .join(', ');
  return [
    `Inserted in ${result.generationSec.toFixed(0)} s (not measured); wall time and peak RSS of each child process`,
    line('Seal + clustering + statistics', figure),
    `  ${steps}; ${String(figure.detail['clusters'])} clusters (${String(figure.detail['concentrated'])} concentrated) from ${String(figure.detail['nearDuplicateGroups'])} near-duplicate groups`,
    `  ×${(figure.wallMs / result.scan.wallMs).toFixed(1)} the aggregate scan, ×${(figure.wallMs / result.stream.wallMs).toFixed(1)} the streamed read; target ≤ ${s(result.targets.wallMs)} and ≤ ${result.targets.rssMiB} MiB: ${figure.wallMs <= result.targets.wallMs && figure.maxRssMiB <= result.targets.rssMiB ? 'met' : 'NOT met'}`,
    line('Baseline: SELECT count(*), sum(length(text_public))', result.scan),
    line('Baseline: every row read into the process, keyset pages', result.stream),
    `Storage: the opinions table with its indexes ${(result.opinionsBytes / 2 ** 20).toFixed(0)} MiB, ${(result.opinionsBytes / result.opinions).toFixed(0)} bytes per opinion`,
  ].join('\n');
}
