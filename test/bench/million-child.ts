import { DEFAULT_POLICY } from '../../libs/domain/src';
import {
  clusterOpinions,
  databaseConfigFrom,
  feedbackStatistics,
  openDatabase,
  sealConsultation,
} from '../../libs/persistence/src';

/**
 * One measured run of the million-opinion benchmark in a process of its own, so that its peak RSS is
 * its own (`process.resourceUsage().maxRSS`). `node million-child.js <mode>` with DATABASE_URL and
 * DECISION_ID; prints one JSON line: {mode, wallMs, maxRssMiB, steps, detail}.
 *
 * - `measure`: sealConsultation + clusterOpinions + feedbackStatistics (the figure), with the time of
 *   each clustering pass (from the previous pass's last page to its own last page sent);
 * - `scan`: SELECT count(*), sum(length(text_public)) over the decision's opinions (baseline);
 * - `stream`: every opinion's receipt, time and text read into this process in keyset pages of 5,000,
 *   as one pass of the clustering reads them (baseline).
 */

async function stream(
  dataSource: Awaited<ReturnType<typeof openDatabase>>,
  decisionId: string,
): Promise<Record<string, number>> {
  const p = (n: number): string => (dataSource.options.type === 'postgres' ? `$${n}` : '?');
  let after = { receivedAt: '', receipt: '' };
  let rows = 0;
  let chars = 0;
  for (;;) {
    const page = (await dataSource.query(
      `SELECT receipt, received_at AS "receivedAt", text_public AS "text" FROM opinions
       WHERE decision_id = ${p(1)} AND phase = 'consultation' AND round = 1 AND received_at >= ${p(2)} AND (received_at > ${p(3)} OR receipt > ${p(4)})
       ORDER BY received_at, receipt LIMIT 5000`,
      [decisionId, after.receivedAt, after.receivedAt, after.receipt],
    )) as Array<{ receipt: string; receivedAt: string; text: string }>;
    rows += page.length;
    for (const row of page) chars += row.text.length;
    if (page.length < 5000) return { rows, chars };
    after = page[page.length - 1]!;
  }
}

async function main(): Promise<void> {
  const [mode] = process.argv.slice(2);
  const decisionId = process.env['DECISION_ID']!;
  const dataSource = await openDatabase(databaseConfigFrom(process.env['DATABASE_URL']!), { migrate: false });
  const steps: Record<string, number> = {};
  let detail: Record<string, unknown>;
  const started = performance.now();
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const at = performance.now();
    const result = await work();
    steps[name] = performance.now() - at;
    return result;
  };
  if (mode === 'scan') {
    const p = dataSource.options.type === 'postgres' ? '$1' : '?';
    const [row] = (await dataSource.query(
      `SELECT COUNT(*) AS n, SUM(LENGTH(text_public)) AS chars FROM opinions WHERE decision_id = ${p}`,
      [decisionId],
    )) as Array<{ n: string; chars: string }>;
    detail = { rows: Number(row!.n), chars: Number(row!.chars) };
  } else if (mode === 'stream') {
    detail = await stream(dataSource, decisionId);
  } else if (mode === 'measure') {
    const now = new Date();
    const counts = await step('seal', () => sealConsultation(dataSource, decisionId, now));
    // When each of clustering's three passes sent its last page (ADR 115: where the time goes).
    const passEnds: Partial<Record<'read' | 'describe' | 'write', number>> = {};
    const clusterStart = performance.now();
    const summary = await step('cluster', () =>
      clusterOpinions(dataSource, decisionId, DEFAULT_POLICY, now, {
        onProgress: ({ pass }) => (passEnds[pass] = performance.now()),
      }),
    );
    const statistics = await step('statistics', () => feedbackStatistics(dataSource, decisionId));
    const { read = clusterStart, describe = read, write = describe } = passEnds;
    steps['pass 1 (near-duplicates)'] = read - clusterStart;
    steps['pass 2 (keywords)'] = describe - read;
    steps['pass 3 (cluster_id, to the last page sent)'] = write - describe;
    detail = {
      received: counts.received,
      clusters: summary.clusters,
      concentrated: summary.concentrated,
      nearDuplicateGroups: summary.nearDuplicateGroups,
      statistics,
    };
  } else throw new Error(`unknown mode ${mode}`);
  const wallMs = performance.now() - started;
  await dataSource.destroy();
  process.stdout.write(
    `${JSON.stringify({ mode, wallMs, maxRssMiB: process.resourceUsage().maxRSS / 1024, steps, detail })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`million-child: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
