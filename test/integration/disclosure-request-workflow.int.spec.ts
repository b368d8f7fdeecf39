import type { DataSource } from 'typeorm';
import {
  addWorkingDates,
  deidentifyDocument,
  type DisclosureApplication,
  STANDARD_REMEDY_NOTICE,
  validateArrangement,
} from '../../libs/domain/src';
import {
  calendarYears,
  currentCalendar,
  enterCalendarYear,
  findCaseChainBreak,
  findDisclosureRequest,
  listOpenDisclosureRequestIds,
  readCaseLog,
  registerDisclosureRequest,
} from '../../libs/persistence/src';
import { startCalendarFanOut, startDisclosureCase } from '../../libs/temporal/src';
import { databaseKinds } from '../support/databases';
import { newId } from '../support/decisions';
import {
  disclosureDriver,
  handlerA,
  headA,
  receivedOn,
  refusal,
  todayInShanghai,
  workingDaysAgo,
} from '../support/disclosure';
import { eventually } from '../support/eventually';
import { useWorkerFixture } from '../support/fixtures';

const application: DisclosureApplication = {
  applicantKind: 'natural_person',
  applicantName: '李四',
  idDocumentType: 'resident_id',
  idDocumentNumber: '11010519491231002X',
  contact: { phone: '13912345678', address: '某市某区某路2号' },
  informationDescription: '2026年某街道改造项目的批复文件',
  deliveryForm: 'electronic',
  deliveryWay: 'email',
};

/** Registers a request as the gateway will: its rows and first log entry, then its workflow (twice: once). */
async function register(dataSource: DataSource, requestId: string, receivedDate: string) {
  const { idDocumentNumber, idDocumentType, ...rest } = application;
  const received = receivedOn(receivedDate);
  await registerDisclosureRequest(dataSource, {
    requestId,
    receipt: `R-${requestId}`,
    unit: 'unit-a',
    channel: 'in_person',
    receivedDate,
    application: rest,
    document: deidentifyDocument(idDocumentType, idDocumentNumber, 'integration-test-pepper-0123456789'),
    first: {
      seq: 1,
      occurredAt: new Date().toISOString(),
      actor: { accountId: handlerA.accountId, role: handlerA.role },
      event: received,
    },
  });
  return received;
}

describe.each(databaseKinds())('the disclosure request workflow with real activities on %s', (kind) => {
  const fixture = useWorkerFixture(kind, `disclosure-${kind}`);

  it('writes every step to the hash-chained case log and the case row; the overdue step once', async () => {
    const { client, dataSource, taskQueue } = fixture;
    const calendar = await currentCalendar(dataSource, new Date());
    const id = newId();
    // Received 25 working days ago: the reply was due 5 working days ago.
    const received = await register(dataSource, id, workingDaysAgo(25, calendar));
    await startDisclosureCase(client, taskQueue, id, received);
    await startDisclosureCase(client, taskQueue, id, received);
    expect(await listOpenDisclosureRequestIds(dataSource, '', 1000)).toContain(id);

    const overdue = await eventually(
      async () => {
        const log = await readCaseLog(dataSource, id);
        return log.length === 2 && log;
      },
      { what: 'the overdue step in the case log' },
    );
    expect(overdue[1]).toMatchObject({ seq: 2, actor: { accountId: 'system' }, event: { type: 'ReplyOverdue' } });

    const { act, handle } = disclosureDriver(client, id);
    await act(handlerA, 'move-stage', { to: 'review' });
    await act(handlerA, 'move-stage', { to: 'handling' });
    const late = act(handlerA, 'request-correction', { periodWorkingDays: 10 });
    await expect(refusal(late)).rejects.toMatchObject({
      code: 'DISCLOSURE_CORRECTION_TOO_LATE',
    });
    // Four eyes (ADR 102): drafted by the handler, approved by the head, issued with the document's hash.
    await act(handlerA, 'draft-reply', {
      outcome: 'not_held',
      reasons: '经检索，本机关未制作、未获取该信息。',
      remedyNotice: STANDARD_REMEDY_NOTICE,
    });
    await act(headA, 'review-reply', { approved: true });
    await act(handlerA, 'reply', { outcome: 'not_held', document: { sha256: 'b'.repeat(64) } });

    const log = await readCaseLog(dataSource, id);
    expect(log.map((entry) => [entry.seq, entry.event.type])).toEqual([
      [1, 'RequestReceived'],
      [2, 'ReplyOverdue'],
      [3, 'StageMoved'],
      [4, 'StageMoved'],
      [5, 'ReplyDrafted'],
      [6, 'ReplyReviewed'],
      [7, 'Replied'],
    ]);
    expect(findCaseChainBreak(log)).toBeNull();
    expect(await findDisclosureRequest(dataSource, id)).toMatchObject({
      stage: 'reply',
      outcome: 'not_held',
      closedDate: todayInShanghai(),
    });
    // The log carries no personal data of the applicant.
    expect(JSON.stringify(log)).not.toContain(application.applicantName);

    await act(handlerA, 'archive', {});
    await handle.result();
    expect(await listOpenDisclosureRequestIds(dataSource, '', 1000)).not.toContain(id);
  });

  it('moves the reply deadline of a running case when an administrator adds a holiday (the calendar fan-out)', async () => {
    const { client, dataSource, taskQueue } = fixture;
    const id = newId();
    const today = todayInShanghai();
    await startDisclosureCase(client, taskQueue, id, await register(dataSource, id, today));
    const { waitFor } = disclosureDriver(client, id);
    const before = await waitFor('its calendar loaded', (v) => v.calendarVersion !== null);
    const calendar = await currentCalendar(dataSource, new Date());
    const due = before.deadlines.find((d) => d.kind === 'reply')!.lastDay;
    expect(due).toBe(addWorkingDates(today, 20, calendar));

    // A new holiday on the first working day of the period: the due date moves one working day later.
    const holiday = addWorkingDates(today, 1, calendar);
    const year = Number(holiday.slice(0, 4));
    const current = (await calendarYears(dataSource, new Date())).find((y) => y.year === year)!;
    const arrangement = {
      year,
      holidays: [...current.holidays, holiday],
      workdays: current.workdays,
      sourceReference: '国办发明电〔测试〕9号',
      sourceDate: `${year - 1}-11-20`,
    };
    const outcome = await enterCalendarYear(dataSource, {
      arrangement,
      year: validateArrangement(arrangement),
      actor: { accountId: 'acc-admin', username: 'admin', unit: 'unit-a', role: 'admin' },
      now: new Date(),
      idempotencyKey: `disclosure-${id}`,
    });
    if ('refused' in outcome) throw new Error(outcome.refused);
    await startCalendarFanOut(client, taskQueue, outcome.change.version);
    const after = await waitFor('the new calendar', (v) => v.calendarVersion === outcome.change.version);
    const moved = await currentCalendar(dataSource, new Date());
    expect(after.deadlines.find((d) => d.kind === 'reply')!.lastDay).toBe(addWorkingDates(today, 20, moved));
    expect(addWorkingDates(today, 20, moved) > due).toBe(true);
    // Nothing is logged for a calendar change: no due date is stored (ADR 67).
    expect(await readCaseLog(dataSource, id)).toHaveLength(1);
  });
});
