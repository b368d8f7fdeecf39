import { createHash } from 'node:crypto';
import { verifyTimeline, type TimelineVerdict } from '../../../libs/domain/src';
import type { VerifyOptions } from './args';
import { FetchError, getJson, listPublicDecisionIds, timelineUrl } from './deployment';

/** One decision's outcome: its chain verified, failed, or could not be fetched. */
export type DecisionResult =
  | { status: 'ok' | 'fail'; verdict: TimelineVerdict }
  | { status: 'error'; decisionId: string; error: string };

const sha256Hex = (input: string): string => createHash('sha256').update(input, 'utf8').digest('hex');

/** Timelines fetched at once: enough to hide latency, few enough not to look like a flood. */
const CONCURRENCY = 4;

/**
 * Verifies one decision, or every decision of the public catalogue, calling `onResult` in catalogue
 * order as results come in. Throws `FetchError` when the catalogue itself cannot be read.
 */
export async function verifyDeployment(
  options: VerifyOptions,
  onResult: (result: DecisionResult) => void,
): Promise<DecisionResult[]> {
  const ids =
    options.decisionId === undefined
      ? await listPublicDecisionIds(options.baseUrl, options.timeoutMs)
      : [options.decisionId];
  const results: DecisionResult[] = [];
  for (let start = 0; start < ids.length; start += CONCURRENCY) {
    const batch = await Promise.all(ids.slice(start, start + CONCURRENCY).map((id) => verifyDecision(options, id)));
    for (const result of batch) {
      results.push(result);
      onResult(result);
    }
  }
  return results;
}

async function verifyDecision(options: VerifyOptions, decisionId: string): Promise<DecisionResult> {
  let body: unknown;
  try {
    body = await getJson(timelineUrl(options.baseUrl, decisionId), options.timeoutMs);
  } catch (error) {
    if (error instanceof FetchError) return { status: 'error', decisionId, error: error.message };
    throw error;
  }
  const verdict = verifyTimeline(decisionId, body, sha256Hex);
  return { status: verdict.ok ? 'ok' : 'fail', verdict };
}

/** 0 every chain verifies, 1 any chain fails (evidence outranks an unreachable timeline), 2 errors only. */
export function exitCodeOf(results: readonly DecisionResult[]): 0 | 1 | 2 {
  if (results.some((result) => result.status === 'fail')) return 1;
  return results.some((result) => result.status === 'error') ? 2 : 0;
}
