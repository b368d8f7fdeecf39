import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { PublicEventDraft, StepEvents } from '../../libs/domain/src';
import {
  appendEvents,
  appendTreeLeaves,
  consistencyProofAt,
  databaseConfigFrom,
  inclusionProofAt,
  inTransaction,
  openDatabase,
  recordCheckpoint,
  treeSize,
} from '../../libs/persistence/src';
import { generateSignerKey, parseSignerKey } from '../../libs/transparency/src';
import { createBenchDatabase } from './databases';
import { percentile } from './measure';

/**
 * The transparency log (issue 19, ADR 54, 55), in-process against the app database: the cost of a public
 * append as the tree grows, the tree's own part of it, and proofs and a checkpoint at `leaves` leaves.
 * Leaves past the measured appends are bulk-filled with random bytes (not part of any figure).
 */
export interface TransparencyFigures {
  database: 'sqlite' | 'postgres';
  leaves: number;
  fillSec: number;
  /** p50 ms of one step (a public and an internal entry, read models) appended on an empty tree: the baseline. */
  appendEmptyMs: number;
  /** The same at `leaves` leaves. */
  appendFullMs: number;
  /** p50 ms of the tree's part alone (one leaf and its nodes, in its own transaction) at `leaves` leaves. */
  treeAloneMs: number;
  inclusion: { p50Ms: number; p99Ms: number };
  consistency: { p50Ms: number; p99Ms: number };
  checkpointMs: number;
}

const FILL_BATCH = 5_000;

function step(seq: number): StepEvents {
  const draft: PublicEventDraft = {
    seq,
    type: seq === 1 ? 'DecisionRegistered' : 'ProgressReported',
    occurredAt: new Date(Date.UTC(2026, 10, 1, 0, 0, seq)).toISOString(),
    actor: { unit: 'unit-a', role: 'drafter' },
    data: { percent: seq % 100 },
  };
  const staff = { accountId: 'bench', username: 'drafter', unit: 'unit-a', role: 'drafter' } as const;
  return { public: [draft], internal: [{ ...draft, actor: staff }] };
}

async function timed(samples: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const start = process.hrtime.bigint();
    await run(i);
    out.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return out.sort((a, b) => a - b);
}

async function appendSteps(dataSource: DataSource, decisionId: string, samples: number): Promise<number> {
  return percentile(await timed(samples, (i) => appendEvents(dataSource, decisionId, step(i + 1))), 50);
}

export async function benchTransparency(options: {
  kind: 'sqlite' | 'postgres';
  leaves: number;
  samples: number;
  password: string;
  adminUrl: string | undefined;
  log: (message: string) => void;
}): Promise<TransparencyFigures> {
  const database = await createBenchDatabase(options.kind, options.password, options.adminUrl);
  const dataSource = await openDatabase(databaseConfigFrom(database.url), { migrate: false });
  try {
    const appendEmptyMs = await appendSteps(dataSource, 'bench-tlog-empty', options.samples);
    const fillStart = Date.now();
    for (let size = await treeSize(dataSource); size < options.leaves; size = await treeSize(dataSource)) {
      const count = Math.min(FILL_BATCH, options.leaves - size);
      const leaves = Array.from({ length: count }, (_, i) => ({
        decisionId: 'bench-fill',
        seq: size + i + 1,
        bytes: randomBytes(200),
      }));
      await inTransaction(dataSource, (manager) => appendTreeLeaves(manager, leaves));
      if ((size / FILL_BATCH) % 40 === 0) options.log(`${options.kind}: tree filled to ${size.toLocaleString('en')}`);
    }
    const fillSec = Math.round((Date.now() - fillStart) / 1000);
    const signer = parseSignerKey(generateSignerKey('bench.example/log').signerKey);
    await recordCheckpoint(dataSource, signer, new Date());
    const appendFullMs = await appendSteps(dataSource, 'bench-tlog-full', options.samples);
    const treeAlone = await timed(options.samples, (i) =>
      inTransaction(dataSource, (manager) =>
        appendTreeLeaves(manager, [{ decisionId: 'bench-alone', seq: i + 1, bytes: randomBytes(200) }]),
      ),
    );
    const size = await treeSize(dataSource);
    const inclusion = await timed(options.samples * 4, () =>
      inclusionProofAt(dataSource, Math.floor(Math.random() * size), size),
    );
    const consistency = await timed(options.samples * 4, () =>
      consistencyProofAt(dataSource, 1 + Math.floor(Math.random() * (size - 1)), size),
    );
    const checkpointStart = process.hrtime.bigint();
    await recordCheckpoint(dataSource, signer, new Date());
    const checkpointMs = Number(process.hrtime.bigint() - checkpointStart) / 1e6;
    return {
      database: options.kind,
      leaves: size,
      fillSec,
      appendEmptyMs,
      appendFullMs,
      treeAloneMs: percentile(treeAlone, 50),
      inclusion: { p50Ms: percentile(inclusion, 50), p99Ms: percentile(inclusion, 99) },
      consistency: { p50Ms: percentile(consistency, 50), p99Ms: percentile(consistency, 99) },
      checkpointMs,
    };
  } finally {
    await dataSource.destroy();
    await database.drop();
  }
}

export function formatTransparency(figures: TransparencyFigures[]): string {
  const ms = (value: number): string => value.toFixed(2);
  return figures
    .map((f) =>
      [
        `${f.database}: ${f.leaves.toLocaleString('en')} leaves (filled in ${f.fillSec} s)`,
        `  append a step, empty tree (baseline)  p50 ${ms(f.appendEmptyMs)} ms`,
        `  append a step, full tree              p50 ${ms(f.appendFullMs)} ms  ×${(f.appendFullMs / f.appendEmptyMs).toFixed(2)}`,
        `  the tree's part alone, full tree      p50 ${ms(f.treeAloneMs)} ms  ×${(f.treeAloneMs / f.appendEmptyMs).toFixed(2)} of the baseline`,
        `  inclusion proof                       p50 ${ms(f.inclusion.p50Ms)} ms  p99 ${ms(f.inclusion.p99Ms)} ms`,
        `  consistency proof                     p50 ${ms(f.consistency.p50Ms)} ms  p99 ${ms(f.consistency.p99Ms)} ms`,
        `  checkpoint (root, consistency, sign)  ${ms(f.checkpointMs)} ms`,
      ].join('\n'),
    )
    .join('\n');
}
