import {
  countWorkingDays,
  shanghaiDate,
  validateArrangement,
  type DecisionState,
  type DueCount,
  type WorkingCalendar,
} from '../../libs/domain/src';
import { calendarYears, currentCalendar, enterCalendarYear, findPublicTimeline } from '../../libs/persistence/src';
import { startCalendarFanOut } from '../../libs/temporal/src';
import { calendarChangedSignal, decisionWorkflowId, getStateQuery } from '../../workflows/definitions';
import { databaseKinds } from '../support/databases';
import { newId } from '../support/decisions';
import { eventually } from '../support/eventually';
import { useWorkerFixture } from '../support/fixtures';
import { toConsultation } from '../support/lifecycle-driver';
import { recordHistories } from '../support/replay-recorder';

const admin = { accountId: 'acc-admin', username: 'admin', unit: 'unit-a', role: 'admin' as const };

/** The first working day of the span that is not yet a holiday: the new "holiday" an arrangement adds. */
function aWorkingDayIn(count: DueCount, dueAt: string, calendar: WorkingCalendar): string {
  const end = shanghaiDate(new Date(dueAt));
  for (let day = 1; ; day += 1) {
    const date = shanghaiDate(new Date(Date.parse(count.from) + day * 86_400_000));
    const year = calendar.years.find((y) => y.year === Number(date.slice(0, 4)));
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (date > end) throw new Error('no working day in the span');
    if (weekday !== 0 && weekday !== 6 && !year?.holidays.includes(date) && date.slice(0, 4) === end.slice(0, 4))
      return date;
  }
}

describe.each(databaseKinds())('a calendar change re-targets running deadlines on %s (ADR 23)', (kind) => {
  const fixture = useWorkerFixture(kind, `calendar-${kind}`);

  it('moves the feedback due date of a running decision, once per version, with a public entry and the timer', async () => {
    const id = newId();
    const driver = await toConsultation(fixture.client, fixture.taskQueue, id, 500, 500);
    const inFeedback = await driver.waitForStage('feedback');
    const before = inFeedback.feedback!;
    expect(before.counted).toMatchObject({ calendarVersion: 0, workingDays: 20 });
    // Counted on the calendar the run recorded, which the database gave it.
    expect(inFeedback.calendar).toEqual(await currentCalendar(fixture.dataSource, new Date()));

    const enter = async (holiday: string, key: string, reference: string) => {
      const year = Number(holiday.slice(0, 4));
      const current = (await calendarYears(fixture.dataSource, new Date())).find((y) => y.year === year)!;
      const arrangement = {
        year,
        holidays: [...current.holidays, holiday],
        workdays: current.workdays,
        sourceReference: reference,
        sourceDate: `${year - 1}-11-20`,
      };
      const outcome = await enterCalendarYear(fixture.dataSource, {
        arrangement,
        year: validateArrangement(arrangement),
        actor: admin,
        now: new Date(),
        idempotencyKey: key,
      });
      if ('refused' in outcome) throw new Error(outcome.refused);
      await startCalendarFanOut(fixture.client, fixture.taskQueue, outcome.change.version);
      return outcome.change.version;
    };
    const movedTo = async (version: number): Promise<DecisionState> =>
      eventually(
        async () => {
          const state = await driver.handle.query(getStateQuery);
          return state.calendar?.version === version && state;
        },
        { what: `calendar version ${version} applied` },
      );

    // First change: an official arrangement adds a holiday inside the window.
    const first = aWorkingDayIn(before.counted!, before.dueAt, inFeedback.calendar!);
    const v1 = await enter(first, `k1-${id}`, '国办发明电〔测试〕1号');
    const afterFirst = await movedTo(v1);
    const expected1 = countWorkingDays(new Date(before.counted!.from), 20, afterFirst.calendar!);
    expect(afterFirst.feedback!.dueAt).toBe(expected1.at.toISOString());
    expect(afterFirst.feedback!.dueAt > before.dueAt).toBe(true);
    expect(afterFirst.feedback!.counted!.holidaysSkipped).toContain(first);

    // Second change moves it again; a re-delivered signal of it changes nothing.
    const second = aWorkingDayIn(afterFirst.feedback!.counted!, afterFirst.feedback!.dueAt, afterFirst.calendar!);
    const v2 = await enter(second, `k2-${id}`, '国办发明电〔测试〕2号');
    const afterSecond = await movedTo(v2);
    expect(afterSecond.feedback!.counted!.holidaysSkipped).toEqual(expect.arrayContaining([first, second]));
    await driver.handle.signal(calendarChangedSignal, { version: v2 });
    await startCalendarFanOut(fixture.client, fixture.taskQueue, v2);

    const timeline = await eventually(async () => {
      const entries = (await findPublicTimeline(fixture.dataSource, id))!.filter((e) => e.type === 'DueDateRecomputed');
      return entries.length === 2 && entries;
    });
    expect(timeline.map((e) => [e.data['from'], e.data['to']])).toEqual([
      [before.dueAt, afterFirst.feedback!.dueAt],
      [afterFirst.feedback!.dueAt, afterSecond.feedback!.dueAt],
    ]);
    expect(timeline[1]!.data['sources']).toEqual(expect.arrayContaining([expect.stringContaining('〔测试〕2号')]));

    const applied = (await fixture.dataSource.query(
      `SELECT seq FROM internal_events WHERE decision_id = '${id}' AND type = 'CalendarApplied'`,
    )) as unknown[];
    expect(applied).toHaveLength(2);
    const [row] = (await fixture.dataSource.query(`SELECT due FROM decisions WHERE id = '${id}'`)) as Array<{
      due: string;
    }>;
    const feedbackDue = (JSON.parse(row!.due) as Array<{ what: string; at: string; counted?: DueCount }>).find(
      (d) => d.what === 'feedback',
    )!;
    expect(feedbackDue).toMatchObject({ at: afterSecond.feedback!.dueAt, counted: { calendarVersion: v2 } });

    // The pending timer in Temporal's history fires at the new due date.
    const history = await fixture.client.workflow.getHandle(decisionWorkflowId(id)).fetchHistory();
    const timer = history.events!.filter((e) => e.timerStartedEventAttributes).at(-1)!;
    const startedAt = Number(timer.eventTime!.seconds) * 1000 + Math.floor((timer.eventTime!.nanos ?? 0) / 1e6);
    const fireAt = startedAt + Number(timer.timerStartedEventAttributes!.startToFireTimeout!.seconds) * 1000;
    expect(Math.abs(fireAt - Date.parse(afterSecond.feedback!.dueAt))).toBeLessThan(2_000);

    if (kind === 'sqlite') await recordHistories(id, 'calendar-recomputed');
  }, 120_000);
});
