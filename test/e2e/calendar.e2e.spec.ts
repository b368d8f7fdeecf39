import { Client, Connection } from '@temporalio/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DueCount, DueItem } from '../../libs/domain/src';
import { ensureSearchAttributes } from '../../libs/temporal/src';
import { decisionWorkflowId } from '../../workflows/definitions';
import { provisionTemporalCli, startDevServer, type DevServer } from '../../apps/embedded/src/dev-server';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { repoRoot } from '../support/env';
import { eventually } from '../support/eventually';
import { call, login, publishForConsultation } from '../support/http';
import { freePort } from '../support/ports';
import { startReplicas, type Replicas } from '../support/replicas';
import { PASSWORD, prepareDatabase, query } from '../faults/support/consultation';
import { aRegistration } from '../support/decisions';

/**
 * Issue 11 end to end: a decision in feedback whose due date was counted on a provisional year; an
 * administrator enters the official arrangement; the running workflow's deadline moves, everywhere; the
 * worker and the Temporal server are killed and restarted between two changes. Its own dev server (it is
 * SIGKILLed), one gateway and one worker, started once.
 */
const kind = process.env['TEST_DATABASE_URL'] ? 'postgres' : 'sqlite';
const DAY = 86_400_000;
const shanghai = (instant: string | number): string =>
  new Date(new Date(instant).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

describe(`a calendar change moves the deadlines of running decisions (${kind})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'od-calendar-'));
  let cli: string;
  let port: number;
  let temporal: DevServer | undefined;
  let db: TestDatabase;
  let replicas: Replicas;
  let base: string;
  const tokens: Record<string, string> = {};
  const startTemporal = (): Promise<DevServer> =>
    startDevServer({ cli, port, dbFile: join(dir, 'temporal.db'), logFile: join(dir, 'temporal.log') });

  beforeAll(async () => {
    cli = process.env['TEMPORAL_CLI'] ?? provisionTemporalCli(repoRoot());
    port = await freePort();
    temporal = await startTemporal();
    const connection = await Connection.connect({ address: temporal.address });
    await ensureSearchAttributes(connection, 'default');
    await connection.close();
    db = await createTestDatabase(kind);
    await prepareDatabase(db.config);
    replicas = await startReplicas({
      databaseUrl: db.url,
      taskQueue: 'e2e-calendar',
      temporalAddress: temporal.address,
      gateways: 1,
      workers: 1,
    });
    base = replicas.baseUrls[0]!;
    for (const name of ['admin', 'drafter', 'reviewer', 'manager']) tokens[name] = await login(base, name, PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await replicas?.stop();
    await temporal?.stop();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const publicFeedbackDue = async (id: string): Promise<DueItem | undefined> =>
    ((await call(base, 'GET', `/api/v1/public/decisions/${id}`)).body.due as DueItem[] | undefined)?.find(
      (d) => d.what === 'feedback',
    );

  /** An official arrangement for the due date's year: its current days plus one more holiday on a working day inside the window. */
  const addHolidayInWindow = async (due: DueItem, key: string, reference: string) => {
    const year = Number(shanghai(due.at).slice(0, 4));
    const calendar = (await call(base, 'GET', '/api/v1/public/calendar')).body as {
      years: Array<{ year: number; holidays: string[]; workdays: string[] }>;
    };
    const current = calendar.years.find((y) => y.year === year)!;
    let holiday = '';
    for (let t = Date.parse(due.at); !holiday; t -= DAY) {
      const date = shanghai(t);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (
        date.startsWith(`${year}-`) &&
        weekday !== 0 &&
        weekday !== 6 &&
        !current.holidays.includes(date) &&
        date > shanghai(due.counted!.from)
      )
        holiday = date;
    }
    const body = {
      holidays: [...current.holidays, holiday],
      workdays: current.workdays,
      sourceReference: reference,
      sourceDate: `${year - 1}-12-01`,
    };
    return {
      year,
      holiday,
      body,
      send: () =>
        call(base, 'PUT', `/api/v1/admin/calendar/years/${year}`, {
          token: tokens['admin'],
          json: body,
          headers: { 'idempotency-key': key },
        }),
    };
  };

  const timerFiresAt = async (id: string): Promise<number> => {
    const connection = await Connection.connect({ address: temporal!.address });
    try {
      const history = await new Client({ connection }).workflow.getHandle(decisionWorkflowId(id)).fetchHistory();
      const timer = history.events!.filter((e) => e.timerStartedEventAttributes).at(-1)!;
      return (
        Number(timer.eventTime!.seconds) * 1000 +
        Number(timer.timerStartedEventAttributes!.startToFireTimeout!.seconds) * 1000
      );
    } finally {
      await connection.close();
    }
  };

  it('moves the feedback due date on the page, the API and the board, logs it, re-targets the timer, and survives restarts', async () => {
    const registered = await call(base, 'POST', '/api/v1/decisions', {
      token: tokens['drafter'],
      json: aRegistration(),
    });
    const id = registered.body.decisionId as string;
    const opensAt = Date.now() + 1_000;
    await publishForConsultation(base, tokens, id, {
      opensAt: new Date(opensAt).toISOString(),
      closesAt: new Date(opensAt + 1_500).toISOString(),
    });
    const before = await eventually(() => publicFeedbackDue(id), {
      what: 'the decision in feedback',
      timeoutMs: 30_000,
    });
    expect(before.counted).toMatchObject({ workingDays: 20, calendarVersion: 0 });
    const officialYears = (
      (await call(base, 'GET', '/api/v1/public/calendar')).body.years as Array<{ year: number; status: string }>
    )
      .filter((y) => y.status === 'official')
      .map((y) => y.year);
    expect(before.counted!.provisional).toBe(!officialYears.includes(Number(shanghai(before.at).slice(0, 4))));
    if (before.counted!.provisional) {
      const provisionalPage = await fetch(`${base}/decisions/${id}`).then((r) => r.text());
      expect(provisionalPage).toContain('badge--provisional">预计<');
      expect(await fetch(`${base}/decisions/${id}?lang=en`).then((r) => r.text())).toContain(
        'badge--provisional">provisional<',
      );
    }

    // Bad input changes nothing.
    const first = await addHolidayInWindow(before, `k1-${id}`, '国办发明电〔测试〕1号');
    const refused = await call(base, 'PUT', `/api/v1/admin/calendar/years/${first.year}`, {
      token: tokens['admin'],
      json: { ...first.body, workdays: [first.holiday] },
    });
    expect([refused.status, refused.body.code]).toEqual([422, 'CALENDAR_DAY_CONFLICT']);
    expect(
      (
        await call(base, 'PUT', `/api/v1/admin/calendar/years/${first.year}`, {
          token: tokens['drafter'],
          json: first.body,
        })
      ).status,
    ).toBe(403);
    expect((await call(base, 'GET', '/api/v1/public/calendar')).body.changes).toEqual([]);

    const saved = await first.send();
    expect(saved.status).toBe(200);
    expect((await first.send()).body.version).toBe(saved.body.version);
    const moved = await eventually(
      async () => {
        const due = await publicFeedbackDue(id);
        return due && due.at !== before.at && due;
      },
      { what: 'the due date moved' },
    );
    expect(moved.counted).toMatchObject({ calendarVersion: 1, provisional: false });
    expect(moved.counted!.holidaysSkipped).toContain(first.holiday);
    expect(moved.counted!.sources.some((s: string) => s.includes('〔测试〕1号'))).toBe(true);
    expect(Math.abs((await timerFiresAt(id)) - Date.parse(moved.at))).toBeLessThan(2_000);

    // The worker and the Temporal server die and come back between the two changes.
    replicas.workers[0]!.child.kill('SIGKILL');
    temporal!.process.kill('SIGKILL');
    await temporal!.stop();
    temporal = await startTemporal();
    replicas.startWorker(0);

    const second = await addHolidayInWindow(moved, `k2-${id}`, '国办发明电〔测试〕2号');
    const savedAgain = await eventually(
      async () => {
        const reply = await second.send();
        return reply.status === 200 && reply;
      },
      { what: 'the second change accepted', timeoutMs: 60_000 },
    );
    expect(savedAgain.body.version).toBe(2);
    const movedAgain = await eventually(
      async () => {
        const due = await publicFeedbackDue(id);
        return due && due.counted?.calendarVersion === 2 && due;
      },
      { what: 'the due date moved again', timeoutMs: 60_000 },
    );
    expect(movedAgain.counted!.holidaysSkipped).toEqual(expect.arrayContaining([first.holiday, second.holiday]));

    // The public log, the decision page, the managers' view and the calendar page all say it.
    const timeline = (await call(base, 'GET', `/api/v1/public/decisions/${id}/timeline`)).body as
      | { entries?: Array<{ type: string; data: Record<string, unknown> }> }
      | Array<{ type: string; data: Record<string, unknown> }>;
    const entries = (Array.isArray(timeline) ? timeline : timeline.entries!).filter(
      (e) => e.type === 'DueDateRecomputed',
    );
    expect(entries.map((e) => [e.data['from'], e.data['to']])).toEqual([
      [before.at, moved.at],
      [moved.at, movedAgain.at],
    ]);
    const page = await fetch(`${base}/decisions/${id}`).then((r) => r.text());
    expect(page).toContain(`datetime="${movedAgain.at}"`);
    expect(page).toContain('国办发明电〔测试〕2号');
    const board = await call(base, 'GET', '/api/v1/decisions?stage=feedback', { token: tokens['manager'] });
    const listed = (board.body.items as Array<{ id: string; due: Array<DueItem & { counted?: DueCount }> }>).find(
      (d) => d.id === id,
    )!;
    expect(listed.due.find((d) => d.what === 'feedback')).toMatchObject({
      at: movedAgain.at,
      counted: { calendarVersion: 2 },
    });
    // Who changed the calendar is public as unit and role only, never the account.
    const published = (await call(base, 'GET', '/api/v1/public/calendar')).body as {
      changes: Array<{ changedBy: Record<string, string> }>;
    };
    expect(published.changes.map((c) => c.changedBy)).toEqual([
      { unit: 'unit-a', role: 'admin' },
      { unit: 'unit-a', role: 'admin' },
    ]);
    expect(JSON.stringify(published)).not.toMatch(/accountId|username/);
    const calendarPage = await fetch(`${base}/calendar`).then((r) => r.text());
    expect(calendarPage).toContain('国办发明电〔测试〕2号');
    const feed = await fetch(`${base}/feeds/decisions.atom`).then((r) => r.text());
    expect(feed).toContain('【工作日历调整】');

    // Each version applied once.
    const applied = await query<{ n: number | string }>(
      db.config,
      `SELECT COUNT(*) AS n FROM internal_events WHERE decision_id = '${id}' AND type = 'CalendarApplied'`,
    );
    expect(Number(applied[0]!.n)).toBe(2);
  }, 240_000);
});
