import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FROZEN_CALENDAR, STANDARD_REMEDY_NOTICE, type WorkingCalendar } from '../../libs/domain/src';
import { startDisclosureCase } from '../../libs/temporal/src';
import type { AppendCaseStepInput, DisclosureActivities } from '../../workflows/activities';
import { calendarChangedSignal } from '../../workflows/definitions';
import {
  disclosureDriver,
  handlerA,
  refusal,
  headA,
  receivedOn,
  todayInShanghai,
  weekendDaysSince,
  withMakeupDays,
  workingDaysAgo,
} from '../support/disclosure';
import { newId } from '../support/decisions';
import { eventually } from '../support/eventually';
import { RECORDING, settledHistory } from '../support/replay-recorder';
import { startStubWorker, testClient, uniqueTaskQueue, type RunningWorker } from '../support/temporal';

/**
 * The disclosure request's workflow is the subject (ADR 83): real dev server, stubbed activities. The
 * stubbed `loadCalendar` is the test calendar: deadlines fall due during a test because the case is dated
 * back (staff record a letter received earlier) or because a calendar change turns past weekend days into
 * make-up working days; production code computes the same instants from the same dates.
 */
describe('the disclosure request workflow with stubbed activities', () => {
  const taskQueue = uniqueTaskQueue('disclosure-wf');
  const logs = new Map<string, AppendCaseStepInput[]>();
  let calendar: WorkingCalendar = FROZEN_CALENDAR;
  const activities: DisclosureActivities = {
    appendCaseStep(input) {
      const log = logs.get(input.requestId) ?? [];
      // Idempotent on seq, as the real activity is: a retry finds its entry and changes nothing.
      if (!log.some((entry) => entry.seq === input.seq)) log.push(input);
      logs.set(input.requestId, log);
      return Promise.resolve();
    },
    loadCalendar: () => Promise.resolve(calendar),
  };
  const typesOf = (requestId: string): string[] => (logs.get(requestId) ?? []).map((entry) => entry.event.type);
  let client: Client;
  let worker: RunningWorker;
  beforeAll(async () => {
    client = await testClient();
    worker = await startStubWorker(taskQueue, activities);
  });
  afterAll(async () => {
    await worker.stop();
    await client.connection.close();
  });

  it('runs a case corrected once, paused for a third party, extended and answered; refusals record nothing', async () => {
    const id = newId();
    const today = todayInShanghai();
    await startDisclosureCase(client, taskQueue, id, receivedOn(workingDaysAgo(10, calendar)));
    const { act, handle } = disclosureDriver(client, id);

    const corrected = await act(handlerA, 'request-correction', {
      periodWorkingDays: 15,
      date: workingDaysAgo(8, calendar),
    });
    expect(corrected.state.stage).toBe('review');
    expect(corrected.deadlines.map((d) => d.kind)).toEqual(['correction_period']);
    const again = act(handlerA, 'request-correction', { periodWorkingDays: 5 });
    await expect(refusal(again)).rejects.toMatchObject({
      code: 'DISCLOSURE_CORRECTION_ONCE',
    });

    const restarted = await act(handlerA, 'receive-correction', { date: workingDaysAgo(6, calendar) });
    expect(restarted.state.clockStartDate).toBe(workingDaysAgo(6, calendar));
    await act(handlerA, 'move-stage', { to: 'handling', date: workingDaysAgo(4, calendar) });
    const paused = await act(handlerA, 'start-consultation', {
      id: 'tp-1',
      kind: 'third_party',
      date: workingDaysAgo(3, calendar),
      deliveredDate: workingDaysAgo(3, calendar),
    });
    expect(paused.deadlines.map((d) => d.kind)).toEqual(['consultation']);
    const answered = await act(handlerA, 'answer-consultation', {
      id: 'tp-1',
      consent: false,
      date: workingDaysAgo(1, calendar),
    });
    const due = answered.deadlines.find((d) => d.kind === 'reply')!;

    const byHandler = act(handlerA, 'grant-extension', { workingDays: 20, notifiedDate: today });
    await expect(refusal(byHandler)).rejects.toMatchObject({
      code: 'DISCLOSURE_EXTENSION_APPROVER',
    });
    const future = act(handlerA, 'reply', { outcome: 'disclosed', date: '2999-01-01' });
    await expect(refusal(future)).rejects.toMatchObject({
      code: 'DISCLOSURE_DATE_INVALID',
    });
    const extended = await act(headA, 'grant-extension', { workingDays: 20, notifiedDate: today });
    expect(extended.deadlines.find((d) => d.kind === 'reply')!.lastDay > due.lastDay).toBe(true);

    // Four eyes (ADR 102): the handler drafts, another approves, and only then is the reply issued.
    const document = { sha256: 'a'.repeat(64) };
    const unapproved = act(handlerA, 'reply', { outcome: 'disclosed', document });
    await expect(refusal(unapproved)).rejects.toMatchObject({ code: 'DISCLOSURE_REPLY_NOT_APPROVED' });
    await act(handlerA, 'draft-reply', { outcome: 'disclosed', remedyNotice: STANDARD_REMEDY_NOTICE });
    const ownApproval = act(handlerA, 'review-reply', { approved: true });
    await expect(refusal(ownApproval)).rejects.toMatchObject({ code: 'SELF_REVIEW' });
    await act(headA, 'review-reply', { approved: true });
    const replied = await act(handlerA, 'reply', { outcome: 'disclosed', document });
    expect(replied.state).toMatchObject({
      stage: 'reply',
      closed: { date: today, outcome: 'disclosed' },
      replyDocument: document,
    });
    expect(replied.deadlines).toEqual([]);
    await act(handlerA, 'archive', {});
    await handle.result();
    if (RECORDING)
      writeFileSync(
        join(__dirname, '..', 'replay', 'disclosure-reviewed.history.json'),
        historyToJSON(await settledHistory(handle)),
      );

    expect(typesOf(id)).toEqual([
      'CorrectionRequested',
      'CorrectionReceived',
      'StageMoved',
      'ConsultationStarted',
      'ConsultationAnswered',
      'ExtensionGranted',
      'ReplyDrafted',
      'ReplyReviewed',
      'Replied',
      'Archived',
    ]);
    expect(logs.get(id)!.map((entry) => entry.seq)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(logs.get(id)!.find((e) => e.event.type === 'ExtensionGranted')!.actor).toEqual({
      accountId: headA.accountId,
      role: 'manager',
    });
    expect(logs.get(id)!.at(-2)).toMatchObject({ stage: 'reply', outcome: 'disclosed', closedDate: today });
  });

  it('closes a case as abandoned once its correction period has lapsed, and the run ends', async () => {
    const id = newId();
    await startDisclosureCase(client, taskQueue, id, receivedOn(workingDaysAgo(12, calendar)));
    const { act, handle } = disclosureDriver(client, id);
    await act(handlerA, 'request-correction', { periodWorkingDays: 5, date: workingDaysAgo(10, calendar) });
    await handle.result();
    expect(typesOf(id)).toEqual(['CorrectionRequested', 'Abandoned']);
    expect(logs.get(id)!.at(-1)).toMatchObject({
      actor: { accountId: 'system' },
      event: { type: 'Abandoned', outcome: 'correction_lapsed', date: todayInShanghai() },
      stage: 'archive',
      outcome: 'correction_lapsed',
    });
  });

  it('marks the reply overdue exactly once when a calendar change makes its due date pass', async () => {
    const id = newId();
    const base: WorkingCalendar = { ...FROZEN_CALENDAR, version: 0 };
    calendar = base;
    // 19 working days ago: the reply is due on the next working day, not yet overdue.
    const received = workingDaysAgo(19, base);
    await startDisclosureCase(client, taskQueue, id, receivedOn(received));
    const { act, view, waitFor } = disclosureDriver(client, id);
    const before = await waitFor('its calendar loaded', (v) => v.calendarVersion === 0);
    expect(before.deadlines.map((d) => d.kind)).toContain('reply');
    expect(typesOf(id)).toEqual([]);

    // The test calendar: three past weekend days become make-up working days, so the due date has passed.
    calendar = withMakeupDays(base, weekendDaysSince(received, 3, base), 1);
    await client.workflow.getHandle(`disclosure:${id}`).signal(calendarChangedSignal, { version: 1 });
    await eventually(() => typesOf(id).includes('ReplyOverdue'), { what: 'the overdue step' });
    const overdue = await waitFor('calendar 1 applied', (v) => v.calendarVersion === 1);
    expect(overdue.state.overdue).toBeDefined();
    expect(overdue.deadlines.filter((d) => d.kind === 'reply')).toEqual([]);

    // The same version again changes nothing; the old calendar back moves the due date, never a second step.
    await client.workflow.getHandle(`disclosure:${id}`).signal(calendarChangedSignal, { version: 1 });
    calendar = { ...base, version: 2 };
    await client.workflow.getHandle(`disclosure:${id}`).signal(calendarChangedSignal, { version: 2 });
    await waitFor('calendar 2 applied', (v) => v.calendarVersion === 2);
    await act(handlerA, 'move-stage', { to: 'review' });
    expect(typesOf(id).filter((type) => type === 'ReplyOverdue')).toHaveLength(1);
    expect((await view()).seq).toBe(3);
    calendar = FROZEN_CALENDAR;
  });
});
