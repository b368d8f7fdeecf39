import { createHash } from 'node:crypto';
import { type PublicLogEntry, verifyTimeline, type TimelineVerdict } from '../../../libs/domain/src';
import type { Checkpoint } from '../../../libs/transparency/src';
import type { VerifyOptions } from './args';
import { FetchError, getJson, listPublicDecisionIds, timelineUrl } from './deployment';
import { checkCheckpoint, compareWithState, findUnincludedEntry, readState, writeState } from './transparency';

/**
 * A chain that verifies on its own but not against the transparency log: an entry not included in the
 * signed checkpoint (`inclusion`), or a decision gone, shorter or rewritten since the state file (`history`).
 */
export interface LogFailure {
  ok: false;
  decisionId: string;
  seq: number;
  problem: 'inclusion' | 'history';
  reason: string;
}

/** One decision's outcome: its chain verified, failed, or could not be fetched. */
export type DecisionResult =
  | { status: 'ok' | 'fail'; verdict: TimelineVerdict | LogFailure }
  | { status: 'error'; decisionId: string; error: string };

const sha256Hex = (input: string): string => createHash('sha256').update(input, 'utf8').digest('hex');

/** Timelines fetched at once: enough to hide latency, few enough not to look like a flood. */
const CONCURRENCY = 4;

/** The transparency log's verdict (`--log-key`): the checkpoint, its signature and its consistency. */
export type LogResult = { ok: true; size: number; origin: string } | { ok: false; reason: string };

export interface DeploymentResults {
  decisions: DecisionResult[];
  log?: LogResult;
}

/**
 * Verifies one decision, or every decision of the public catalogue, calling `onResult` in catalogue
 * order as results come in. With `logKey`, first the latest checkpoint (signature, and consistency with
 * the one remembered in `stateFile`), then every entry's inclusion in it; decisions remembered in the
 * state file that are gone, shorter or rewritten fail too. The state file is rewritten only when
 * everything verified. Throws `FetchError` when the catalogue or the checkpoint cannot be read.
 */
export async function verifyDeployment(
  options: VerifyOptions,
  onResult: (result: DecisionResult) => void,
): Promise<DeploymentResults> {
  const state = options.logKey ? readState(options.stateFile) : null;
  const checked = options.logKey
    ? await checkCheckpoint(options.baseUrl, options.logKey, state, options.timeoutMs)
    : undefined;
  const log: LogResult | undefined =
    checked && (checked.ok ? { ok: true, size: checked.checkpoint.size, origin: checked.checkpoint.origin } : checked);
  const checkpoint = checked?.ok ? checked.checkpoint : undefined;
  const ids =
    options.decisionId === undefined
      ? await listPublicDecisionIds(options.baseUrl, options.timeoutMs)
      : [options.decisionId];
  const decisions: DecisionResult[] = [];
  const chains = new Map<string, PublicLogEntry[]>();
  const report = (result: DecisionResult): void => {
    decisions.push(result);
    onResult(result);
  };
  for (let start = 0; start < ids.length; start += CONCURRENCY) {
    const batch = await Promise.all(
      ids.slice(start, start + CONCURRENCY).map((id) => verifyDecision(options, id, checkpoint, chains)),
    );
    batch.forEach(report);
  }
  for (const { decisionId, reason } of compareWithState(state, chains, options.decisionId === undefined))
    report({ status: 'fail', verdict: { ok: false, decisionId, seq: 0, problem: 'history', reason } });
  if (checkpoint && options.stateFile && exitCodeOf({ decisions, log }) === 0)
    writeState(options.stateFile, {
      origin: checkpoint.origin,
      size: checkpoint.size,
      root: checkpoint.root.toString('base64'),
      decisions: {
        ...(state?.decisions ?? {}),
        ...Object.fromEntries(
          [...chains].flatMap(([id, entries]) => {
            const head = entries.at(-1);
            return head ? [[id, { seq: head.seq, hash: head.hash }]] : [];
          }),
        ),
      },
    });
  return { decisions, ...(log ? { log } : {}) };
}

async function verifyDecision(
  options: VerifyOptions,
  decisionId: string,
  checkpoint: Checkpoint | undefined,
  chains: Map<string, PublicLogEntry[]>,
): Promise<DecisionResult> {
  let body: unknown;
  try {
    body = await getJson(timelineUrl(options.baseUrl, decisionId), options.timeoutMs);
  } catch (error) {
    if (error instanceof FetchError) return { status: 'error', decisionId, error: error.message };
    throw error;
  }
  const verdict = verifyTimeline(decisionId, body, sha256Hex);
  if (!verdict.ok) return { status: 'fail', verdict };
  const entries = (body as { entries: PublicLogEntry[] }).entries;
  chains.set(decisionId, entries);
  if (checkpoint) {
    const missing = await findUnincludedEntry(options.baseUrl, checkpoint, entries, options.timeoutMs);
    if (missing) return { status: 'fail', verdict: { ok: false, decisionId, problem: 'inclusion', ...missing } };
  }
  return { status: 'ok', verdict };
}

/** 0 everything verifies, 1 a chain or the log fails (evidence outranks an unreachable timeline), 2 errors only. */
export function exitCodeOf({ decisions, log }: DeploymentResults): 0 | 1 | 2 {
  if (log?.ok === false || decisions.some((result) => result.status === 'fail')) return 1;
  return decisions.some((result) => result.status === 'error') ? 2 : 0;
}
