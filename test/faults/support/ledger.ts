import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from '../../support/env';

/**
 * The fault summary (issue 6): every fault test writes one line per invariant it checked, and
 * `fault-summary-reporter.js` prints them as a table at the end of the run and fails the run when
 * anything was lost or duplicated. A line is written even when the test's own assertions fail, so the
 * table shows what went wrong.
 */
export interface LedgerEntry {
  /** The test, as jest names it. */
  name: string;
  /** What must hold, in one sentence. */
  invariant: string;
  /** Operations a client was told succeeded (a receipt, a 2xx). */
  acknowledged: number;
  /** Of those, how many were found afterwards (in the database, the log, the public API). */
  found: number;
  /** Acknowledged but not found. */
  lost: number;
  /** Found more than once, or found although no client was ever told it succeeded. */
  duplicated: number;
  /** Anything else worth a glance in the summary, e.g. how many requests were refused. */
  note?: string;
}

/**
 * Where the lines go: the reporter picks a file per run and hands it to the test workers in
 * OD_FAULT_LEDGER, so parallel jest runs in one tree do not mix their ledgers.
 */
export const ledgerFile = (): string =>
  process.env['OD_FAULT_LEDGER'] ?? join(repoRoot(), 'build-output', 'faults', 'ledger.jsonl');

export function record(entry: LedgerEntry): void {
  const file = ledgerFile();
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

/**
 * Compares what clients were acknowledged (ids, e.g. receipts) with what was found afterwards (one
 * id per stored row, so a duplicate appears twice) and records the result.
 */
export function reconcile(
  name: string,
  invariant: string,
  acknowledged: Iterable<string>,
  found: Iterable<string>,
  note?: string,
): LedgerEntry {
  const acked = new Set(acknowledged);
  const counts = new Map<string, number>();
  for (const id of found) counts.set(id, (counts.get(id) ?? 0) + 1);
  let foundAcked = 0;
  let duplicated = 0;
  for (const [id, n] of counts) {
    if (acked.has(id)) {
      foundAcked += 1;
      duplicated += n - 1;
    } else {
      duplicated += n;
    }
  }
  const entry: LedgerEntry = {
    name,
    invariant,
    acknowledged: acked.size,
    found: foundAcked,
    lost: acked.size - foundAcked,
    duplicated,
    ...(note ? { note } : {}),
  };
  record(entry);
  return entry;
}

/** The full jest name of the running test, for the ledger. */
export const currentTestName = (): string => expect.getState().currentTestName ?? 'unknown test';
