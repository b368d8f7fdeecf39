import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  type ApplicantKind,
  canonicalize,
  type CaseEvent,
  deidentifyDocument,
  entryHashInput,
  type DisclosureOutcome,
  readTable2,
  readNarrative,
  verifyChain,
} from '../../libs/domain/src';
import {
  annualReportId,
  appendCaseLog,
  changeAnnualReport,
  currentReportTables,
  findAnnualReport,
  openAnnualReport,
  publicLogLeaf,
  readReportLog,
  recordRemedy,
  recordReportOverdue,
  registerDisclosureRequest,
  type ReportActor,
  sha256Hex,
} from '../../libs/persistence/src';
import { toPublicLogEntry } from '../../libs/persistence/src/public-read.repository';
import { PublicEventEntity } from '../../libs/persistence/src/entities/public-event.entity';
import { leafHash } from '../../libs/transparency/src';
import { signalAnnualReportPublished, startAnnualReportClock } from '../../libs/temporal/src';
import { annualReportWorkflowId, getReportDueQuery } from '../../workflows/definitions';
import { databaseKinds } from '../support/databases';
import { newId } from '../support/decisions';
import { eventually } from '../support/eventually';
import { useWorkerFixture } from '../support/fixtures';
import { RECORDING } from '../support/replay-recorder';

const NAME = '年报测试申请人';
const PHONE = '13900001111';

/** A case in the logs: registered on `received`, closed on `closed` with `outcome` when given. */
async function seedCase(
  dataSource: DataSource,
  unit: string,
  applicantKind: ApplicantKind,
  received: string,
  closed?: { date: string; outcome: DisclosureOutcome; abandoned?: boolean },
): Promise<void> {
  const requestId = newId();
  await registerDisclosureRequest(dataSource, {
    requestId,
    receipt: `R-${requestId}`,
    unit,
    channel: 'in_person',
    receivedDate: received,
    application: {
      applicantKind,
      applicantName: NAME,
      contact: { phone: PHONE },
      informationDescription: '某项目批复文件',
      deliveryForm: 'electronic',
      deliveryWay: 'email',
    },
    document: deidentifyDocument('resident_id', '11010519491231002X', 'integration-test-pepper-0123456789'),
    first: {
      seq: 1,
      occurredAt: `${received}T02:00:00.000Z`,
      actor: { accountId: 'acc-h', role: 'drafter' },
      event: { type: 'RequestReceived', date: received, channel: 'in_person', handlerId: 'acc-h' },
    },
  });
  if (!closed) return;
  const event: CaseEvent = closed.abandoned
    ? { type: 'Abandoned', date: closed.date, outcome: closed.outcome as 'correction_lapsed' | 'fee_unpaid' }
    : { type: 'Replied', date: closed.date, outcome: closed.outcome };
  await appendCaseLog(
    dataSource,
    requestId,
    [{ seq: 2, occurredAt: `${closed.date}T02:00:00.000Z`, actor: { accountId: 'system' }, event }],
    { stage: 'reply', outcome: closed.outcome, closedDate: closed.date },
  );
}

describe.each(databaseKinds())('the annual report written by the record, on %s', (kind) => {
  const fixture = useWorkerFixture(kind, `annual-report-${kind}`);
  const author: ReportActor = { accountId: 'acc-author', role: 'drafter', unit: '' };
  const head: ReportActor = { accountId: 'acc-head', role: 'manager', unit: '' };

  it('computes the 2025 tables of a fixture year as by hand, balances them, records overdue once and publishes with its hash', async () => {
    const { client, dataSource, taskQueue } = fixture;
    const unit = `u${newId()}`;
    author.unit = head.unit = unit;
    // The fixture year 2025, by hand:
    // A natural person  received 2024-12-20, disclosed 2025-01-10       → carried over, handled (disclosed)
    // B natural person  received 2025-03-02, partly disclosed 2025-03-30 → new, handled (partly disclosed)
    // C business        received 2025-05-11, correction lapsed 2025-06-01 → new, handled (correction lapsed)
    // D research        received 2025-12-21, still open                  → new, carried forward
    // E natural person  received 2024-11-03, not held 2024-12-01          → closed before the year: not counted
    // G business        received 2025-12-30, not held 2026-01-05          → new, carried forward
    // H (another unit)  received 2025-04-01, disclosed 2025-04-20         → not this unit's
    await seedCase(dataSource, unit, 'natural_person', '2024-12-20', { date: '2025-01-10', outcome: 'disclosed' });
    await seedCase(dataSource, unit, 'natural_person', '2025-03-02', {
      date: '2025-03-30',
      outcome: 'partly_disclosed',
    });
    await seedCase(dataSource, unit, 'business', '2025-05-11', {
      date: '2025-06-01',
      outcome: 'correction_lapsed',
      abandoned: true,
    });
    await seedCase(dataSource, unit, 'research', '2025-12-21');
    await seedCase(dataSource, unit, 'natural_person', '2024-11-03', { date: '2024-12-01', outcome: 'not_held' });
    await seedCase(dataSource, unit, 'business', '2025-12-30', { date: '2026-01-05', outcome: 'not_held' });
    await seedCase(dataSource, `${unit}x`, 'natural_person', '2025-04-01', {
      date: '2025-04-20',
      outcome: 'disclosed',
    });
    const remedy = (id: string, kind: 'reconsideration' | 'litigation_direct', filed: string, decided?: string) =>
      recordRemedy(
        dataSource,
        {
          remedyId: `${unit}-${id}`,
          unit,
          kind,
          filedDate: filed,
          result: decided ? 'upheld' : null,
          decidedDate: decided ?? null,
        },
        new Date(),
      );
    await remedy('r1', 'reconsideration', '2025-04-01', '2025-06-01');
    await remedy('r2', 'reconsideration', '2025-11-01', '2026-01-20');
    await remedy('l1', 'litigation_direct', '2025-08-01');

    // Opened for a department: due 2026-01-31, long past, so the due-date workflow records it overdue once.
    const { report, created } = await openAnnualReport(
      dataSource,
      { unit, year: 2025, officeKind: 'department', actor: author },
      new Date(),
    );
    expect([created, report.dueDate, report.status]).toEqual([true, '2026-01-31', 'draft']);
    expect(
      (await openAnnualReport(dataSource, { unit, year: 2025, officeKind: 'department', actor: author }, new Date()))
        .created,
    ).toBe(false);
    await startAnnualReportClock(client, taskQueue, { reportId: report.reportId, dueDate: report.dueDate });
    await startAnnualReportClock(client, taskQueue, { reportId: report.reportId, dueDate: report.dueDate });
    const handle = client.workflow.getHandle(annualReportWorkflowId(report.reportId));
    expect(await handle.result()).toBe('overdue');
    // The history of a run that recorded the overdue step, kept for the replay test (RECORD_REPLAY_HISTORIES=1).
    if (RECORDING && kind === 'sqlite')
      writeFileSync(
        join(__dirname, '..', 'replay', 'annual-report-overdue.history.json'),
        historyToJSON(await handle.fetchHistory()),
      );
    expect((await findAnnualReport(dataSource, report.reportId))?.overdueSince).not.toBeNull();
    expect(await recordReportOverdue(dataSource, report.reportId, new Date(), '2026-12-06')).toEqual({
      published: false,
      recorded: false,
    });

    await changeAnnualReport(
      dataSource,
      report.reportId,
      author,
      {
        step: 'edit',
        table2: readTable2({ rules_issued: '2', licensing_decisions: '120', fees_collected_10k_yuan: '0.04' }),
        narrative: readNarrative({ overview: '本年度依申请公开工作总体平稳。', problems: '答复时效仍需提高。' }),
      },
      new Date(),
    );
    const submitted = await changeAnnualReport(
      dataSource,
      report.reportId,
      author,
      { step: 'submit', today: '2026-12-06' },
      new Date(),
    );
    const table3 = submitted.content!.tables.table3;
    expect(table3.new).toMatchObject({ natural_person: 1, business: 2, research: 1, total: 4 });
    expect(table3.carried_over).toMatchObject({ natural_person: 1, business: 0, total: 1 });
    expect(table3.disclosed).toMatchObject({ natural_person: 1, total: 1 });
    expect(table3.partly_disclosed).toMatchObject({ natural_person: 1, total: 1 });
    expect(table3.correction_lapsed).toMatchObject({ business: 1, total: 1 });
    expect(table3.not_held.total).toBe(0);
    expect(table3.handled_total).toMatchObject({ natural_person: 2, business: 1, research: 0, total: 3 });
    expect(table3.carried_forward).toMatchObject({ business: 1, research: 1, total: 2 });
    // The printed check-sum, column by column: new + carried over = handled + carried forward (4 + 1 = 3 + 2).
    for (const column of Object.keys(table3.new) as Array<keyof typeof table3.new>)
      expect(table3.new[column] + table3.carried_over[column]).toBe(
        table3.handled_total[column] + table3.carried_forward[column],
      );
    expect(submitted.content!.tables.table4.reconsideration).toEqual({
      upheld: 1,
      corrected: 0,
      other: 0,
      pending: 1,
      total: 2,
    });
    expect(submitted.content!.tables.table4.litigation_direct).toMatchObject({ pending: 1, total: 1 });
    expect(submitted.content!.tables.table2).toMatchObject({ rules_issued: 2, licensing_decisions: 120 });
    expect(submitted.contentSha256).toBe(sha256Hex(canonicalize(submitted.content)));

    // Next year's report starts from this year's carried forward (carried forward of Y = carried over of Y+1).
    const next = await openAnnualReport(
      dataSource,
      { unit, year: 2026, officeKind: 'government_office', actor: author },
      new Date(),
    );
    expect(next.report.dueDate).toBe('2027-03-31');
    await startAnnualReportClock(client, taskQueue, { reportId: next.report.reportId, dueDate: next.report.dueDate });
    const due = await eventually(
      () => client.workflow.getHandle(annualReportWorkflowId(next.report.reportId)).query(getReportDueQuery),
      { what: 'the 2026 report clock answers' },
    );
    expect(due).toEqual({
      reportId: next.report.reportId,
      dueDate: '2027-03-31',
      overdueAt: '2027-03-31T16:00:00.000Z',
      state: 'waiting',
    });
    const nextTables = await currentReportTables(dataSource.manager, next.report);
    expect(nextTables.table3.carried_over).toEqual(table3.carried_forward);

    // Four eyes: the author cannot review; another staff member approves; then it is published.
    await expect(
      changeAnnualReport(dataSource, report.reportId, author, { step: 'review', approved: true }, new Date()),
    ).rejects.toMatchObject({ code: 'DISCLOSURE_REPORT_STEP_REFUSED' });
    const ownHead = { ...head, accountId: author.accountId, role: 'manager' as const };
    await expect(
      changeAnnualReport(dataSource, report.reportId, ownHead, { step: 'review', approved: true }, new Date()),
    ).rejects.toMatchObject({ code: 'SELF_REVIEW' });
    await expect(
      changeAnnualReport(dataSource, report.reportId, head, { step: 'publish' }, new Date()),
    ).rejects.toMatchObject({ code: 'DISCLOSURE_REPORT_STEP_REFUSED' });
    await changeAnnualReport(dataSource, report.reportId, head, { step: 'review', approved: true }, new Date());
    const published = await changeAnnualReport(dataSource, report.reportId, head, { step: 'publish' }, new Date());
    expect(published.status).toBe('published');
    await signalAnnualReportPublished(client, report.reportId);

    const rows = await dataSource.manager.find(PublicEventEntity, {
      where: { decisionId: annualReportId(unit, 2025) },
    });
    const entries = rows.map(toPublicLogEntry);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ type: 'AnnualReportPublished', actor: { unit, role: 'manager' } });
    expect(entries[0]!.data).toMatchObject({ unit, year: 2025, sha256: submitted.contentSha256 });
    expect(entries[0]!.hash).toBe(sha256Hex(entryHashInput(entries[0]!.prevHash, entries[0]!)));
    expect(verifyChain(report.reportId, entries, sha256Hex)).toMatchObject({ ok: true });
    // The entry is a leaf of the transparency tree, like every public entry (same transaction).
    const [leaf] = (await dataSource.query(
      `SELECT leaf_hash AS h FROM log_tree_leaves WHERE decision_id = '${report.reportId}' AND seq = 1`,
    )) as Array<{ h: string }>;
    expect(leaf?.h).toBe(Buffer.from(leafHash(publicLogLeaf(entries[0]!))).toString('hex'));
    const everything = JSON.stringify(entries);
    expect([everything.includes(NAME), everything.includes(PHONE)]).toEqual([false, false]);
    expect((await readReportLog(dataSource, report.reportId)).map((e) => e.type)).toEqual([
      'ReportOpened',
      'ReportOverdue',
      'ReportEdited',
      'ReportSubmitted',
      'ReportReviewed',
      'ReportPublished',
    ]);
    await expect(dataSource.query(`DELETE FROM disclosure_report_log`)).rejects.toThrow();
  });

  it('refuses a year whose carried over no longer equals the published carried forward of the year before', async () => {
    const { dataSource } = fixture;
    const unit = `u${newId()}`;
    const actor = { ...author, unit };
    const reviewer = { ...head, unit };
    // 2024: one case received 2024-12-20, still open at the year's end → carried forward 1; published.
    await seedCase(dataSource, unit, 'natural_person', '2024-12-20', { date: '2025-01-10', outcome: 'disclosed' });
    const y2024 = (
      await openAnnualReport(dataSource, { unit, year: 2024, officeKind: 'department', actor }, new Date())
    ).report;
    for (const [who, change] of [
      [actor, { step: 'submit', today: '2026-12-06' }],
      [reviewer, { step: 'review', approved: true }],
      [reviewer, { step: 'publish' }],
    ] as const)
      await changeAnnualReport(dataSource, y2024.reportId, who, change, new Date());
    // A letter registered afterwards, dated back into 2024 and answered in 2025: 2025's carried over is now 2.
    await seedCase(dataSource, unit, 'business', '2024-06-03', { date: '2025-02-03', outcome: 'not_held' });
    const y2025 = (
      await openAnnualReport(dataSource, { unit, year: 2025, officeKind: 'department', actor }, new Date())
    ).report;
    await expect(
      changeAnnualReport(dataSource, y2025.reportId, actor, { step: 'submit', today: '2026-12-06' }, new Date()),
    ).rejects.toMatchObject({ code: 'DISCLOSURE_REPORT_UNBALANCED', details: { column: 'business' } });
    expect((await findAnnualReport(dataSource, y2025.reportId))?.status).toBe('draft');
  });
});
