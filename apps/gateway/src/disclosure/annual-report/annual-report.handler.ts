import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import {
  actsForAllUnits,
  assertReportYear,
  DomainError,
  InvalidCommandError,
  isReportOfficeKind,
  isReportOverdue,
  readNarrative,
  readTable2,
  REMEDY_KINDS,
  REMEDY_RESULTS,
  type RemedyKind,
  type ReportTables,
  shanghaiDate,
  type StaffActor,
} from '../../../../../libs/domain/src';
import {
  type AnnualReportRecord,
  changeAnnualReport,
  currentReportTables,
  findAnnualReport,
  listAnnualReports,
  listRemedies,
  listUnits,
  openAnnualReport,
  readReportLog,
  recordRemedy,
  type RemedyRecordRow,
  type ReportChange,
} from '../../../../../libs/persistence/src';
import { signalAnnualReportPublished, startAnnualReportClock } from '../../../../../libs/temporal/src';
import type { GatewayConfig } from '../../config';
import { CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from '../../common/tokens';

export const REPORT_STEPS = ['edit', 'submit', 'review', 'publish'] as const;
export type ReportStepName = (typeof REPORT_STEPS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A report as staff see it: its record, the tables (frozen once submitted, else as they stand now), overdue. */
export interface ReportView {
  report: AnnualReportRecord;
  tables: ReportTables;
  overdue: boolean;
  log: Awaited<ReturnType<typeof readReportLog>>;
  remedies: RemedyRecordRow[];
}

const text = (body: Record<string, unknown>, field: string): string | undefined =>
  typeof body[field] === 'string' ? body[field].trim() : undefined;

/**
 * The annual disclosure report as staff work it (issue 18 item 6, ADR 0119): open a unit's report on a year
 * (which starts its due-date workflow), enter Table 2 and the narrative, submit (the tables computed from
 * the record and frozen), review by another staff member, publish (the public log), and record the
 * reconsiderations and lawsuits of Table 4. A drafter works on their own unit's reports only.
 */
@Injectable()
export class AnnualReportHandler {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  private assertUnit(actor: StaffActor, unit: string): void {
    if (!actsForAllUnits(actor.role) && actor.unit !== unit)
      throw new DomainError('DISCLOSURE_REPORT_NOT_FOUND', 'not_found', 'no such report');
  }

  private async assertKnownUnit(unit: string): Promise<void> {
    if (!(await listUnits(this.dataSource)).some((u) => u.id === unit))
      throw new InvalidCommandError('DISCLOSURE_UNIT_UNKNOWN', `No unit ${unit}.`, { field: 'unit' });
  }

  /** The reports the actor may see, newest year first, each with whether it is overdue today. */
  async list(actor: StaffActor): Promise<Array<{ report: AnnualReportRecord; overdue: boolean }>> {
    const reports = await listAnnualReports(this.dataSource, actsForAllUnits(actor.role) ? {} : { unit: actor.unit });
    const today = shanghaiDate(new Date());
    return reports
      .map((report) => ({ report, overdue: isReportOverdue(report, today) }))
      .sort((a, b) => Number(b.overdue) - Number(a.overdue));
  }

  /** Opens (or finds) the report of a unit and year, then starts its due-date workflow (once). */
  async open(actor: StaffActor, body: Record<string, unknown>): Promise<AnnualReportRecord> {
    const unit = text(body, 'unit') ?? actor.unit;
    const year = Number(body.year);
    const officeKind = body.officeKind ?? 'department';
    if (!isReportOfficeKind(officeKind))
      throw new InvalidCommandError('DISCLOSURE_REPORT_FIELD_INVALID', 'officeKind', { field: 'officeKind' });
    assertReportYear(year, shanghaiDate(new Date()));
    await this.assertKnownUnit(unit);
    this.assertUnit(actor, unit);
    const { report } = await openAnnualReport(
      this.dataSource,
      { unit, year, officeKind, actor: { accountId: actor.accountId, role: actor.role, unit: actor.unit } },
      new Date(),
    );
    await startAnnualReportClock(this.client, this.config.TASK_QUEUE, {
      reportId: report.reportId,
      dueDate: report.dueDate,
    });
    return report;
  }

  async view(actor: StaffActor, reportId: string): Promise<ReportView> {
    const report = await findAnnualReport(this.dataSource, reportId);
    if (!report) throw new DomainError('DISCLOSURE_REPORT_NOT_FOUND', 'not_found', 'no such report');
    this.assertUnit(actor, report.unit);
    const tables = report.content?.tables ?? (await currentReportTables(this.dataSource.manager, report));
    return {
      report,
      tables,
      overdue: isReportOverdue(report, shanghaiDate(new Date())),
      log: await readReportLog(this.dataSource, reportId),
      remedies: await listRemedies(this.dataSource, report.unit),
    };
  }

  /** One step of a report; a publication then tells its due-date workflow. */
  async step(actor: StaffActor, reportId: string, step: string, body: Record<string, unknown>): Promise<ReportView> {
    if (!(REPORT_STEPS as readonly string[]).includes(step))
      throw new DomainError('UNKNOWN_ACTION', 'not_found', `No step ${step}.`);
    const found = await findAnnualReport(this.dataSource, reportId);
    if (!found) throw new DomainError('DISCLOSURE_REPORT_NOT_FOUND', 'not_found', 'no such report');
    this.assertUnit(actor, found.unit);
    const now = new Date();
    const change: ReportChange =
      step === 'edit'
        ? {
            step,
            table2: readTable2({ ...found.table2, ...(body.table2 as Record<string, unknown> | undefined) }),
            narrative: readNarrative({
              ...found.narrative,
              ...(body.narrative as Record<string, unknown> | undefined),
            }),
          }
        : step === 'submit'
          ? { step, today: shanghaiDate(now) }
          : step === 'review'
            ? { step, approved: body.approved === true || body.approved === 'true', ...reviewNote(body) }
            : { step: 'publish' };
    const actorRef = { accountId: actor.accountId, role: actor.role, unit: actor.unit };
    await changeAnnualReport(this.dataSource, reportId, actorRef, change, now);
    if (step === 'publish') await signalAnnualReportPublished(this.client, reportId);
    return this.view(actor, reportId);
  }

  /** Records (or corrects, same id) a reconsideration or lawsuit of the actor's unit (or `unit`). */
  async remedy(actor: StaffActor, body: Record<string, unknown>): Promise<RemedyRecordRow> {
    const unit = text(body, 'unit') || actor.unit;
    this.assertUnit(actor, unit);
    const kind = text(body, 'kind');
    if (!(REMEDY_KINDS as readonly string[]).includes(kind ?? ''))
      throw new InvalidCommandError('DISCLOSURE_REPORT_FIELD_INVALID', 'kind', { field: 'kind' });
    const filedDate = text(body, 'filedDate') ?? '';
    if (!DATE.test(filedDate))
      throw new InvalidCommandError('DISCLOSURE_REPORT_FIELD_INVALID', 'filedDate', { field: 'filedDate' });
    const result = text(body, 'result') || null;
    if (result !== null && (!(REMEDY_RESULTS as readonly string[]).includes(result) || result === 'pending'))
      throw new InvalidCommandError('DISCLOSURE_REPORT_FIELD_INVALID', 'result', { field: 'result' });
    const decidedDate = text(body, 'decidedDate') || null;
    if (decidedDate !== null && !DATE.test(decidedDate))
      throw new InvalidCommandError('DISCLOSURE_REPORT_FIELD_INVALID', 'decidedDate', { field: 'decidedDate' });
    const remedyId = text(body, 'remedyId') || `${unit}-${filedDate}-${Date.now().toString(36)}`;
    const row: RemedyRecordRow = {
      remedyId,
      unit,
      kind: kind as RemedyKind,
      filedDate,
      result: result as RemedyRecordRow['result'],
      decidedDate,
    };
    await recordRemedy(this.dataSource, row, new Date());
    return row;
  }
}

function reviewNote(body: Record<string, unknown>): { note?: string } {
  const note = text(body, 'note');
  return note ? { note: note.slice(0, 2000) } : {};
}
