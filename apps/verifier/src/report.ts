import type { VerifyOptions } from './args';
import type { DecisionResult, DeploymentResults, LogResult } from './verify';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** `OK  <id>  <n> entries  head <seq> <hash-prefix>`, `FAIL <id> seq <n>: <reason>` or `ERR  <id>: <why>`. */
export function formatLine(result: DecisionResult): string {
  if (result.status === 'error') return `ERR  ${result.decisionId}: ${result.error}`;
  const verdict = result.verdict;
  if (verdict.ok)
    return `OK  ${verdict.decisionId}  ${plural(verdict.entries, 'entry', 'entries')}  head ${verdict.head.seq} ${verdict.head.hash.slice(0, 12)}`;
  return `FAIL ${verdict.decisionId} seq ${verdict.seq}: ${verdict.reason}`;
}

/** `LOG OK  checkpoint <size> <origin>` or `LOG FAIL: <reason>`. */
export function formatLogLine(log: LogResult): string {
  return log.ok
    ? `LOG OK  checkpoint of ${plural(log.size, 'leaf', 'leaves')}, ${log.origin}`
    : `LOG FAIL: ${log.reason}`;
}

/** The last lines: the log's verdict (with --log-key), counts and the verdict in words (English, then Chinese). */
export function formatSummary(options: VerifyOptions, { decisions: results, log }: DeploymentResults): string {
  const count = (status: DecisionResult['status']): number =>
    results.filter((result) => result.status === status).length;
  const [ok, fail, error] = [count('ok'), count('fail'), count('error')];
  const verdict =
    log?.ok === false
      ? 'NOT VERIFIED: the transparency log does not hold (透明日志验证失败)'
      : fail > 0
        ? 'NOT VERIFIED: a chain is broken or was tampered with (验证失败)'
        : error > 0
          ? 'INCOMPLETE: some timelines could not be fetched (部分无法获取)'
          : results.length === 0
            ? 'nothing to verify: no public decisions (没有公开的决策)'
            : 'every chain verifies (全部验证通过)';
  const counts = `${plural(results.length, 'decision')} at ${options.baseUrl}: ${ok} OK, ${fail} FAIL, ${error} ERR — ${verdict}`;
  return log ? `${formatLogLine(log)}\n${counts}` : counts;
}

/** The `--json` document: the same facts as the lines, one object per decision. */
export function toJsonReport(
  options: VerifyOptions,
  { decisions: results, log }: DeploymentResults,
  exitCode: number,
): unknown {
  const count = (status: DecisionResult['status']): number =>
    results.filter((result) => result.status === status).length;
  return {
    baseUrl: options.baseUrl,
    decisionId: options.decisionId ?? null,
    ok: exitCode === 0,
    exitCode,
    summary: { decisions: results.length, ok: count('ok'), fail: count('fail'), error: count('error') },
    ...(log ? { log } : {}),
    results: results.map((result) => {
      if (result.status === 'error') return result;
      const { ok: _ok, ...verdict } = result.verdict;
      return { status: result.status, ...verdict };
    }),
  };
}
