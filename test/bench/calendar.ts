import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDecisionWorker } from '../../apps/worker/src/decision-worker';
import { calendarYears, databaseConfigFrom, enterCalendarYear, openDatabase } from '../../libs/persistence/src';
import { validateArrangement, type DecisionState } from '../../libs/domain/src';
import { ensureSearchAttributes, startCalendarFanOut } from '../../libs/temporal/src';
import { actionUpdate, decisionWorkflowId } from '../../workflows/definitions';
import { provisionTemporalCli, startDevServer } from '../../apps/embedded/src/dev-server';
import { aRegistration, drafterA, newId, registerViaTemporal } from '../support/decisions';
import { freePort } from '../support/ports';
import { createBenchDatabase } from './databases';

/** What `BENCH_ONLY=calendar` measures (issue 11, ADR 23). */
export interface CalendarFigures {
  database: 'sqlite' | 'postgres';
  decisions: number;
  /** Wall time of `decisions` plain staff updates (submit-for-publication), `concurrency` at a time: the baseline. */
  plainUpdatesMs: number;
  /** Wall time from recording a calendar change to every decision having applied it (re-targeted review timers). */
  retargetMs: number;
  /** Decisions that applied the change exactly once (must equal `decisions`). */
  appliedOnce: number;
}

const DAY = 86_400_000;

async function pool<T>(items: T[], concurrency: number, run: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        await run(item).catch((error: unknown) => {
          const cause = (error as { cause?: { message?: string } }).cause?.message;
          throw new Error(`${String(error)}${cause ? `: ${cause}` : ''}`);
        });
      }
    }),
  );
}

/** A weekday holiday inside every pending review window (5 working days from now), in this year's or next year's row. */
async function aHolidayInTheWindow(dataSource: DataSource) {
  const years = await calendarYears(dataSource, new Date());
  for (let t = Date.now() + DAY; ; t += DAY) {
    const date = new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
    const year = years.find((y) => y.year === Number(date.slice(0, 4)))!;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !year.holidays.includes(date)) return { date, year };
  }
}

/**
 * `decisions` running decisions with a pending review (a working-day deadline and its timer), then one
 * calendar change that moves all of them: the fan-out workflow signals each, each loads the calendar and
 * re-targets its timer. Baseline: the same number of plain staff updates at `concurrency`.
 */
export async function benchCalendar(options: {
  root: string;
  kind: 'sqlite' | 'postgres';
  decisions: number;
  concurrency: number;
  password: string;
  adminUrl?: string;
  log: (m: string) => void;
}): Promise<CalendarFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'od-bench-calendar-'));
  const server = await startDevServer({
    cli: provisionTemporalCli(options.root),
    port: await freePort(),
    logFile: join(dir, 'temporal.log'),
  });
  const database = await createBenchDatabase(options.kind, options.password, options.adminUrl);
  const dataSource = await openDatabase(databaseConfigFrom(database.url), { migrate: false });
  const connection = await Connection.connect({ address: server.address });
  const native = await NativeConnection.connect({ address: server.address });
  const taskQueue = 'bench-calendar';
  try {
    await ensureSearchAttributes(connection, 'default');
    const client = new Client({ connection });
    const worker = await createDecisionWorker({
      connection: native,
      namespace: 'default',
      taskQueue,
      dataSource,
      workflows: { workflowsPath: require.resolve('../../workflows/index') },
    });
    const running = worker.run();
    try {
      const ids = Array.from({ length: options.decisions }, () => newId());
      options.log(`calendar: registering ${ids.length} decisions`);
      await pool(ids, options.concurrency, async (id) => {
        await registerViaTemporal(client, taskQueue, id, aRegistration(), drafterA);
        const handle = client.workflow.getHandle(decisionWorkflowId(id));
        await handle.executeUpdate(actionUpdate('draft-versions'), {
          args: [{ actor: drafterA, command: { draft: '草案', basis: '依据', explanation: '说明' } }],
        });
        const plan = {
          channels: ['online'],
          opensAt: new Date(Date.now() + 60 * DAY).toISOString(),
          closesAt: new Date(Date.now() + 100 * DAY).toISOString(),
        };
        await handle.executeUpdate(actionUpdate('consultation-plan'), { args: [{ actor: drafterA, command: plan }] });
      });
      const plainStart = Date.now();
      await pool(ids, options.concurrency, (id) =>
        client.workflow
          .getHandle(decisionWorkflowId(id))
          .executeUpdate(actionUpdate('submit-for-publication'), { args: [{ actor: drafterA, command: {} }] }),
      );
      const plainUpdatesMs = Date.now() - plainStart;

      const { date, year } = await aHolidayInTheWindow(dataSource);
      const arrangement = {
        year: year.year,
        holidays: [...year.holidays, date],
        workdays: year.workdays,
        sourceReference: '国办发明电〔基准〕1号',
        sourceDate: `${year.year - 1}-12-01`,
      };
      options.log(`calendar: re-targeting ${ids.length} decisions (${date} becomes a holiday)`);
      const retargetStart = Date.now();
      const outcome = await enterCalendarYear(dataSource, {
        arrangement,
        year: validateArrangement(arrangement),
        actor: { ...drafterA, role: 'admin' },
        now: new Date(),
        idempotencyKey: 'bench',
      });
      if ('refused' in outcome) throw new Error(outcome.refused);
      await startCalendarFanOut(client, taskQueue, outcome.change.version);
      const count = async () =>
        Number(
          (
            (await dataSource.query(
              `SELECT COUNT(*) AS n FROM internal_events WHERE type = 'CalendarApplied'`,
            )) as Array<{ n: number | string }>
          )[0]!.n,
        );
      while ((await count()) < ids.length) {
        if (Date.now() - retargetStart > 600_000)
          throw new Error('calendar: re-targeting did not complete in 10 minutes');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const retargetMs = Date.now() - retargetStart;
      const perDecision = (await dataSource.query(
        `SELECT decision_id, COUNT(*) AS n FROM internal_events WHERE type = 'CalendarApplied' GROUP BY decision_id`,
      )) as Array<{ n: number | string }>;
      const sample = await client.workflow.getHandle(decisionWorkflowId(ids[0]!)).query<DecisionState>('getState');
      if (!sample.reviews?.[0]?.counted?.holidaysSkipped.includes(date))
        throw new Error('calendar: the review due date did not move');
      return {
        database: options.kind,
        decisions: ids.length,
        plainUpdatesMs,
        retargetMs,
        appliedOnce: perDecision.filter((row) => Number(row.n) === 1).length,
      };
    } finally {
      worker.shutdown();
      await running;
    }
  } finally {
    await native.close();
    await connection.close();
    await dataSource.destroy();
    await database.drop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatCalendar(figures: CalendarFigures[]): string {
  return figures
    .map(
      (f) =>
        `${f.database}: re-target ${f.decisions} open decisions after one calendar change ${(f.retargetMs / 1000).toFixed(1)} s; ` +
        `${f.decisions} plain staff updates ${(f.plainUpdatesMs / 1000).toFixed(1)} s; ratio ${(f.retargetMs / f.plainUpdatesMs).toFixed(2)}; applied exactly once: ${f.appliedOnce}/${f.decisions}`,
    )
    .join('\n');
}
