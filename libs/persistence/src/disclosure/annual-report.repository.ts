import {
  type ApplicantKind,
  assertContinuesPublished,
  canonicalize,
  type CaseEvent,
  computeReportTables,
  DomainError,
  emptyTable2,
  type Narrative,
  NARRATIVE_SECTIONS,
  nextReportStatus,
  type RemedyKind,
  type RemedyRecord,
  type ReportContent,
  reportDueDate,
  type ReportOfficeKind,
  type ReportStatus,
  type ReportTables,
  type Role,
  type Table2,
  type Table3Fact,
  table3FactsOfCase,
} from '../../../domain/src';
import { In, type DataSource, type EntityManager } from 'typeorm';
import {
  DisclosureRemedyEntity,
  DisclosureReportEntity,
  DisclosureReportLogEntity,
} from '../entities/disclosure-report.entity';
import { DisclosureCaseLogEntity, DisclosureRequestEntity } from '../entities/disclosure.entity';
import { PublicEventEntity } from '../entities/public-event.entity';
import { appendEvents } from '../event-log.repository';
import { sha256Hex } from '../hash';
import { inTransaction } from '../transaction';

/**
 * The annual disclosure report of a unit and year (issue 18 item 6, ADR 0119). Every step is a row update
 * and an entry of the append-only `disclosure_report_log` in one transaction, after the pure rule
 * (`nextReportStatus`) allowed it. Table 3 is computed from the case logs only; the submission freezes the
 * content and its sha256; the publication appends that content and hash to the public log, on the report's
 * own chain (`appendEvents`, so it is a leaf of the transparency tree like every public entry).
 */

/** The report's id, also the id of its public chain. */
export function annualReportId(unit: string, year: number): string {
  return `AR-${year}-${unit}`;
}

export interface ReportActor {
  accountId: string;
  role: Role;
  unit: string;
}

export interface AnnualReportRecord {
  reportId: string;
  unit: string;
  year: number;
  officeKind: ReportOfficeKind;
  dueDate: string;
  status: ReportStatus;
  authorId: string | null;
  reviewerId: string | null;
  table2: Table2;
  narrative: Narrative;
  /** The content frozen at submission (null while a draft). */
  content: ReportContent | null;
  contentSha256: string | null;
  publishedAt: string | null;
  overdueSince: string | null;
  updatedAt: string;
}

function toRecord(row: DisclosureReportEntity): AnnualReportRecord {
  return {
    reportId: row.reportId,
    unit: row.unit,
    year: Number(row.year),
    officeKind: row.officeKind as ReportOfficeKind,
    dueDate: row.dueDate,
    status: row.status as ReportStatus,
    authorId: row.authorId,
    reviewerId: row.reviewerId,
    table2: { ...emptyTable2(), ...(JSON.parse(row.table2) as Partial<Table2>) },
    narrative: JSON.parse(row.narrative) as Narrative,
    content: row.content ? (JSON.parse(row.content) as ReportContent) : null,
    contentSha256: row.contentSha256,
    publishedAt: row.publishedAt,
    overdueSince: row.overdueSince,
    updatedAt: row.updatedAt,
  };
}

/**
 * The Table 3 facts of every request of `unit`: the receipt and the closing step read from each case log,
 * the applicant's kind from the case row (no personal data is read). Two queries whatever the count.
 */
export async function table3FactsOfUnit(manager: EntityManager, unit: string): Promise<Table3Fact[]> {
  const requests = await manager.find(DisclosureRequestEntity, {
    select: { requestId: true, applicantKind: true },
    where: { unit },
  });
  if (requests.length === 0) return [];
  const rows = await manager.find(DisclosureCaseLogEntity, {
    select: { requestId: true, seq: true, data: true },
    where: {
      requestId: In(requests.map((r) => r.requestId)),
      type: In(['RequestReceived', 'Replied', 'Abandoned']),
    },
    order: { requestId: 'ASC', seq: 'ASC' },
  });
  const events = new Map<string, CaseEvent[]>();
  for (const row of rows)
    events.set(row.requestId, [...(events.get(row.requestId) ?? []), JSON.parse(row.data) as CaseEvent]);
  return requests.flatMap((r) =>
    table3FactsOfCase(r.requestId, r.applicantKind as ApplicantKind, events.get(r.requestId) ?? []),
  );
}

/** The reconsideration and litigation records of `unit`, oldest filed first. */
export async function listRemedies(dataSource: DataSource | EntityManager, unit: string): Promise<RemedyRecordRow[]> {
  const manager = 'manager' in dataSource ? dataSource.manager : dataSource;
  const rows = await manager.find(DisclosureRemedyEntity, {
    where: { unit },
    order: { filedDate: 'ASC', remedyId: 'ASC' },
  });
  return rows.map((row) => ({
    remedyId: row.remedyId,
    unit: row.unit,
    kind: row.kind as RemedyKind,
    filedDate: row.filedDate,
    result: row.result as RemedyRecord['result'],
    decidedDate: row.decidedDate,
  }));
}

export interface RemedyRecordRow extends RemedyRecord {
  remedyId: string;
  unit: string;
}

/** Records (or, same id, corrects) a reconsideration or lawsuit; its result needs its decision date. */
export async function recordRemedy(dataSource: DataSource, remedy: RemedyRecordRow, now: Date): Promise<void> {
  if ((remedy.result === null) !== (remedy.decidedDate === null))
    throw new DomainError('DISCLOSURE_REPORT_FIELD_INVALID', 'invalid', 'a result needs its decision date', {
      field: 'decidedDate',
    });
  if (remedy.decidedDate !== null && remedy.decidedDate < remedy.filedDate)
    throw new DomainError('DISCLOSURE_REPORT_FIELD_INVALID', 'invalid', 'decided before filed', {
      field: 'decidedDate',
    });
  await inTransaction(dataSource, async (manager) => {
    const stored = await manager.findOneBy(DisclosureRemedyEntity, { remedyId: remedy.remedyId });
    const columns = {
      unit: remedy.unit,
      kind: remedy.kind,
      filedDate: remedy.filedDate,
      result: remedy.result,
      decidedDate: remedy.decidedDate,
      updatedAt: now.toISOString(),
    };
    if (stored) await manager.update(DisclosureRemedyEntity, { remedyId: remedy.remedyId }, columns);
    else
      await manager.insert(DisclosureRemedyEntity, {
        remedyId: remedy.remedyId,
        ...columns,
        createdAt: now.toISOString(),
      });
  });
}

/** The report's tables as they stand now, computed in `manager`'s transaction (refused when unbalanced). */
export async function currentReportTables(
  manager: EntityManager,
  report: Pick<AnnualReportRecord, 'unit' | 'year' | 'table2'>,
): Promise<ReportTables> {
  const facts = await table3FactsOfUnit(manager, report.unit);
  const remedies = await listRemedies(manager, report.unit);
  return computeReportTables(facts, remedies, report.table2, report.year);
}

/**
 * Opens the report of `unit` on `year` (a draft with empty numbers and words), or finds it when it exists:
 * `created` says which. The due date follows the office kind (art.49).
 */
export async function openAnnualReport(
  dataSource: DataSource,
  input: { unit: string; year: number; officeKind: ReportOfficeKind; actor: ReportActor },
  now: Date,
): Promise<{ report: AnnualReportRecord; created: boolean }> {
  const reportId = annualReportId(input.unit, input.year);
  return inTransaction(dataSource, async (manager) => {
    const stored = await manager.findOneBy(DisclosureReportEntity, { reportId });
    if (stored) return { report: toRecord(stored), created: false };
    const narrative = Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [s, '']));
    const row: DisclosureReportEntity = {
      reportId,
      unit: input.unit,
      year: input.year,
      officeKind: input.officeKind,
      dueDate: reportDueDate(input.officeKind, input.year),
      status: 'draft',
      authorId: null,
      reviewerId: null,
      table2: canonicalize(emptyTable2()),
      narrative: canonicalize(narrative),
      content: null,
      contentSha256: null,
      publishedAt: null,
      overdueSince: null,
      updatedAt: now.toISOString(),
    };
    await manager.insert(DisclosureReportEntity, row);
    await appendReportLog(
      manager,
      reportId,
      'ReportOpened',
      logActor(input.actor),
      {
        officeKind: input.officeKind,
        dueDate: row.dueDate,
      },
      now,
    );
    return { report: toRecord(row), created: true };
  });
}

function logActor(actor: ReportActor | 'system'): Record<string, unknown> {
  return actor === 'system' ? { accountId: 'system' } : { accountId: actor.accountId, role: actor.role };
}

async function appendReportLog(
  manager: EntityManager,
  reportId: string,
  type: string,
  actor: Record<string, unknown>,
  data: Record<string, unknown>,
  now: Date,
): Promise<void> {
  const last = await manager.findOne(DisclosureReportLogEntity, {
    select: { reportId: true, seq: true },
    where: { reportId },
    order: { seq: 'DESC' },
  });
  await manager.insert(DisclosureReportLogEntity, {
    reportId,
    seq: (last?.seq ?? 0) + 1,
    type,
    occurredAt: now.toISOString(),
    actor: canonicalize(actor),
    data: canonicalize(data),
  });
}

async function lockedReport(manager: EntityManager, reportId: string): Promise<DisclosureReportEntity> {
  const row = await manager.findOne(DisclosureReportEntity, {
    where: { reportId },
    ...(manager.connection.options.type === 'postgres' ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!row) throw new DomainError('DISCLOSURE_REPORT_NOT_FOUND', 'not_found', `no report ${reportId}`);
  return row;
}

export type ReportChange =
  | { step: 'edit'; table2: Table2; narrative: Narrative }
  | { step: 'submit'; today: string }
  | { step: 'review'; approved: boolean; note?: string }
  | { step: 'publish' };

/**
 * One step of a report by `actor`, after `nextReportStatus` allowed it. An edit makes the editor the
 * author; a submission (only once the year has ended) freezes the content with its sha256; a review
 * records the reviewer; a publication appends the content and its hash to the report's public chain,
 * then marks the report published (a retry after a crash between the two finds the entry stored and
 * adopts it, as `appendEvents` does for every chain).
 */
export async function changeAnnualReport(
  dataSource: DataSource,
  reportId: string,
  actor: ReportActor,
  change: ReportChange,
  now: Date,
): Promise<AnnualReportRecord> {
  if (change.step === 'publish') return publishAnnualReport(dataSource, reportId, actor, now);
  return inTransaction(dataSource, async (manager) => {
    const row = await lockedReport(manager, reportId);
    const record = toRecord(row);
    const approved = change.step === 'review' ? change.approved : undefined;
    const status = nextReportStatus(record, change.step, actor, approved);
    const updates: Partial<DisclosureReportEntity> = { status, updatedAt: now.toISOString() };
    let data: Record<string, unknown> = {};
    if (change.step === 'edit') {
      updates.table2 = canonicalize(change.table2);
      updates.narrative = canonicalize(change.narrative);
      updates.authorId = actor.accountId;
    } else if (change.step === 'submit') {
      if (change.today.slice(0, 4) <= String(record.year))
        throw new DomainError('DISCLOSURE_REPORT_YEAR_INVALID', 'invalid', 'the year has not ended');
      const tables = await currentReportTables(manager, record);
      const previous = await manager.findOneBy(DisclosureReportEntity, {
        reportId: annualReportId(record.unit, record.year - 1),
        status: 'published',
      });
      if (previous?.content) assertContinuesPublished(toRecord(previous).content!.tables.table3, tables.table3);
      const content: ReportContent = {
        unit: record.unit,
        year: record.year,
        officeKind: record.officeKind,
        dueDate: record.dueDate,
        tables,
        narrative: record.narrative,
      };
      updates.content = canonicalize(content);
      updates.contentSha256 = sha256Hex(updates.content);
      updates.authorId = record.authorId ?? actor.accountId;
      data = { sha256: updates.contentSha256 };
    } else {
      updates.reviewerId = actor.accountId;
      if (!change.approved) {
        updates.content = null;
        updates.contentSha256 = null;
      }
      data = { approved: change.approved, ...(change.note ? { note: change.note } : {}) };
    }
    await manager.update(DisclosureReportEntity, { reportId }, updates);
    const type = { edit: 'ReportEdited', submit: 'ReportSubmitted', review: 'ReportReviewed' }[change.step];
    await appendReportLog(manager, reportId, type, logActor(actor), data, now);
    return toRecord({ ...row, ...updates });
  });
}

async function publishAnnualReport(
  dataSource: DataSource,
  reportId: string,
  actor: ReportActor,
  now: Date,
): Promise<AnnualReportRecord> {
  const row = await dataSource.manager.findOneBy(DisclosureReportEntity, { reportId });
  if (!row) throw new DomainError('DISCLOSURE_REPORT_NOT_FOUND', 'not_found', `no report ${reportId}`);
  const record = toRecord(row);
  nextReportStatus(record, 'publish', actor);
  await appendEvents(dataSource, reportId, {
    public: [
      {
        seq: 1,
        type: 'AnnualReportPublished',
        occurredAt: now.toISOString(),
        actor: { unit: record.unit, role: actor.role },
        data: { unit: record.unit, year: record.year, sha256: record.contentSha256!, content: record.content! },
      },
    ],
    internal: [],
  });
  return inTransaction(dataSource, async (manager) => {
    const locked = toRecord(await lockedReport(manager, reportId));
    nextReportStatus(locked, 'publish', actor);
    const entry = await manager.findOneByOrFail(PublicEventEntity, { decisionId: reportId, seq: 1 });
    const updates = { status: 'published', publishedAt: entry.occurredAt, updatedAt: now.toISOString() };
    await manager.update(DisclosureReportEntity, { reportId }, updates);
    await appendReportLog(manager, reportId, 'ReportPublished', logActor(actor), { hash: entry.hash }, now);
    return { ...locked, ...updates, status: 'published' as const };
  });
}

/**
 * The report's due date passed (its workflow's timer): records `ReportOverdue` once, unless the report is
 * published. Safe to retry: a second call records nothing. Says whether the report was published.
 */
export async function recordReportOverdue(
  dataSource: DataSource,
  reportId: string,
  now: Date,
  today: string,
): Promise<{ published: boolean; recorded: boolean }> {
  return inTransaction(dataSource, async (manager) => {
    const row = await lockedReport(manager, reportId);
    if (row.status === 'published') return { published: true, recorded: false };
    if (row.overdueSince !== null) return { published: false, recorded: false };
    await manager.update(DisclosureReportEntity, { reportId }, { overdueSince: today, updatedAt: now.toISOString() });
    await appendReportLog(manager, reportId, 'ReportOverdue', logActor('system'), { dueDate: row.dueDate }, now);
    return { published: false, recorded: true };
  });
}

export async function findAnnualReport(dataSource: DataSource, reportId: string): Promise<AnnualReportRecord | null> {
  const row = await dataSource.manager.findOneBy(DisclosureReportEntity, { reportId });
  return row ? toRecord(row) : null;
}

/** The reports of `unit` (every unit when undefined), newest year first; `published` only those published. */
export async function listAnnualReports(
  dataSource: DataSource,
  options: { unit?: string; published?: boolean } = {},
): Promise<AnnualReportRecord[]> {
  const rows = await dataSource.manager.find(DisclosureReportEntity, {
    where: {
      ...(options.unit ? { unit: options.unit } : {}),
      ...(options.published ? { status: 'published' } : {}),
    },
    order: { year: 'DESC', unit: 'ASC' },
  });
  return rows.map(toRecord);
}

/** A report's steps in order: who (account id and role, or the system), when, what. */
export async function readReportLog(
  dataSource: DataSource,
  reportId: string,
): Promise<Array<{ seq: number; type: string; occurredAt: string; actor: Record<string, unknown>; data: unknown }>> {
  const rows = await dataSource.manager.find(DisclosureReportLogEntity, {
    where: { reportId },
    order: { seq: 'ASC' },
  });
  return rows.map((row) => ({
    seq: row.seq,
    type: row.type,
    occurredAt: row.occurredAt,
    actor: JSON.parse(row.actor) as Record<string, unknown>,
    data: JSON.parse(row.data) as unknown,
  }));
}

/** The public log entry of a published report (its chain's first entry), or null. */
export async function reportPublicEntry(
  dataSource: DataSource,
  reportId: string,
): Promise<{ hash: string; prevHash: string; occurredAt: string } | null> {
  const entry = await dataSource.manager.findOneBy(PublicEventEntity, { decisionId: reportId, seq: 1 });
  return entry ? { hash: entry.hash, prevHash: entry.prevHash, occurredAt: entry.occurredAt } : null;
}
