import type { Role } from '../accounts/actors';
import { DomainError } from '../errors/errors';
import { computeTable3, type Table3, TABLE3_COLUMNS, table3Balances, type Table3Fact } from './annual-table3';

/**
 * The annual report on government information disclosure (政府信息公开工作年度报告, OGI Regulations art.49–50,
 * 国办公开办函〔2021〕30号), per unit and year (ADR 0119). Its tables are computed from the record: Table 3 from
 * the case logs (with the printed check-sum and the year-to-year link asserted), Table 4 from the
 * reconsideration and litigation records staff enter, Table 2 from the numbers staff enter for what the
 * system does not record; the narrative sections are staff's words. Pure: no clock, no I/O.
 */

/** A department reports by 31 January, a government's OGI office by 31 March, of the following year (art.49). */
export const REPORT_OFFICE_KINDS = ['department', 'government_office'] as const;
export type ReportOfficeKind = (typeof REPORT_OFFICE_KINDS)[number];

export function isReportOfficeKind(value: unknown): value is ReportOfficeKind {
  return typeof value === 'string' && (REPORT_OFFICE_KINDS as readonly string[]).includes(value);
}

/** The statutory due date (a Shanghai date) of the report on `year`. */
export function reportDueDate(officeKind: ReportOfficeKind, year: number): string {
  return officeKind === 'department' ? `${year + 1}-01-31` : `${year + 1}-03-31`;
}

/** The first instant after the due date (Shanghai midnight, UTC+8): the report is overdue from then on. */
export function reportOverdueAt(dueDate: string): Date {
  return new Date(Date.parse(`${dueDate}T00:00:00+08:00`) + 24 * 3_600_000);
}

/** A report not published when `today` (a Shanghai date) is past its due date. */
export function isReportOverdue(report: { dueDate: string; status: ReportStatus }, today: string): boolean {
  return report.status !== 'published' && today > report.dueDate;
}

/**
 * The year a report may be opened on: one that has begun (the statistics period is 1 January – 31 December;
 * staff may prepare the words during the year, but a report is submitted only once its year has ended).
 */
export function assertReportYear(year: number, today: string): void {
  const current = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < 2008 || year > current)
    throw new DomainError('DISCLOSURE_REPORT_YEAR_INVALID', 'invalid', `no report on ${year} yet`, { year });
}

// ---- Table 4: administrative reconsideration and litigation (15 numbers) ----

export const REMEDY_KINDS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];
export const REMEDY_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type RemedyResult = (typeof REMEDY_RESULTS)[number];
export type Table4Column = RemedyResult | 'total';
export const TABLE4_COLUMNS: readonly Table4Column[] = [...REMEDY_RESULTS, 'total'];
export type Table4 = Record<RemedyKind, Record<Table4Column, number>>;

/** A reconsideration or lawsuit about the unit's OGI work, as staff record it (no party names). */
export interface RemedyRecord {
  kind: RemedyKind;
  /** Shanghai date it was filed (受理). */
  filedDate: string;
  /** The result once decided; with `decidedDate`. */
  result: Exclude<RemedyResult, 'pending'> | null;
  decidedDate: string | null;
}

/**
 * Table 4 of `year`: every record filed in the year, in the column of its result as of 31 December (a record
 * decided later, or not yet, counts as 尚未审结).
 */
export function computeTable4(records: readonly RemedyRecord[], year: number): Table4 {
  const table = Object.fromEntries(
    REMEDY_KINDS.map((kind) => [kind, Object.fromEntries(TABLE4_COLUMNS.map((c) => [c, 0]))]),
  ) as Table4;
  const end = `${year}-12-31`;
  for (const record of records) {
    if (record.filedDate.slice(0, 4) !== String(year)) continue;
    const column: RemedyResult =
      record.result && record.decidedDate && record.decidedDate <= end ? record.result : 'pending';
    table[record.kind][column] += 1;
    table[record.kind].total += 1;
  }
  return table;
}

// ---- Table 2: proactive disclosure, the numbers staff enter ----

/** The cells of Table 2 (第二十条 items), as keys; each a non-negative number staff enter. */
export const TABLE2_CELLS = [
  'rules_issued',
  'rules_repealed',
  'rules_in_force',
  'normative_documents_issued',
  'normative_documents_repealed',
  'normative_documents_in_force',
  'licensing_decisions',
  'penalty_decisions',
  'enforcement_decisions',
  'fees_collected_10k_yuan',
] as const;
export type Table2Cell = (typeof TABLE2_CELLS)[number];
export type Table2 = Record<Table2Cell, number>;

export function emptyTable2(): Table2 {
  return Object.fromEntries(TABLE2_CELLS.map((cell) => [cell, 0])) as Table2;
}

/** Table 2 from what staff sent: every cell a finite number ≥ 0 (fees may have decimals, counts may not). */
export function readTable2(input: Record<string, unknown>): Table2 {
  const table = emptyTable2();
  for (const cell of TABLE2_CELLS) {
    const raw = input[cell];
    if (raw === undefined || raw === '') continue;
    const value = typeof raw === 'string' ? Number(raw.trim()) : raw;
    const whole = cell !== 'fees_collected_10k_yuan';
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (whole && !Number.isInteger(value)))
      throw new DomainError('DISCLOSURE_REPORT_FIELD_INVALID', 'invalid', `${cell} must be a number ≥ 0`, {
        field: cell,
      });
    table[cell] = value;
  }
  return table;
}

// ---- Narrative sections ----

/** The sections of 30号's template that are words: 一 总体情况, 五 问题和改进, 六 其他事项. */
export const NARRATIVE_SECTIONS = ['overview', 'problems', 'other'] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];
export type Narrative = Record<NarrativeSection, string>;
export const MAX_NARRATIVE_CHARS = 20_000;

export function readNarrative(input: Record<string, unknown>): Narrative {
  const narrative = Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [s, ''])) as Narrative;
  for (const section of NARRATIVE_SECTIONS) {
    const raw = input[section];
    if (raw === undefined) continue;
    if (typeof raw !== 'string' || raw.length > MAX_NARRATIVE_CHARS)
      throw new DomainError('DISCLOSURE_REPORT_FIELD_INVALID', 'invalid', `${section} must be text`, {
        field: section,
      });
    narrative[section] = raw.trim();
  }
  return narrative;
}

// ---- The tables together, with the check-sums asserted ----

export interface ReportTables {
  table2: Table2;
  table3: Table3;
  table4: Table4;
}

/**
 * The report's tables of `year`. Table 3 must balance (new + carried over = handled + carried forward, per
 * column) and its carried forward must equal the carried over of `year + 1` computed from the same facts:
 * a table that does not is refused (`DISCLOSURE_REPORT_UNBALANCED`), never published.
 */
export function computeReportTables(
  facts: readonly Table3Fact[],
  remedies: readonly RemedyRecord[],
  table2: Table2,
  year: number,
): ReportTables {
  const table3 = computeTable3(facts, year);
  assertTable3Checks(table3, computeTable3(facts, year + 1));
  return { table2, table3, table4: computeTable4(remedies, year) };
}

/** The printed check-sum of `table`, and its link to the next year's table (`next`). */
export function assertTable3Checks(table: Table3, next: Table3): void {
  if (!table3Balances(table))
    throw new DomainError('DISCLOSURE_REPORT_UNBALANCED', 'conflict', 'new + carried over ≠ handled + carried forward');
  for (const column of TABLE3_COLUMNS)
    if (table.carried_forward[column] !== next.carried_over[column])
      throw new DomainError('DISCLOSURE_REPORT_UNBALANCED', 'conflict', 'carried forward ≠ next year carried over', {
        column,
      });
}

/**
 * The link to the published report of the year before: its frozen carried forward must be this year's
 * carried over. A case registered later with a receipt date in a published year breaks it, and the
 * report is refused until the earlier one is corrected.
 */
export function assertContinuesPublished(previous: Table3, table: Table3): void {
  for (const column of TABLE3_COLUMNS)
    if (previous.carried_forward[column] !== table.carried_over[column])
      throw new DomainError(
        'DISCLOSURE_REPORT_UNBALANCED',
        'conflict',
        'carried over ≠ carried forward of the published report of the year before',
        { column, published: previous.carried_forward[column], now: table.carried_over[column] },
      );
}

// ---- The report's steps: draft, submit, four-eyes review, publish ----

export type ReportStatus = 'draft' | 'in_review' | 'approved' | 'published';
export const REPORT_STATUSES: readonly ReportStatus[] = ['draft', 'in_review', 'approved', 'published'];
export type ReportStep = 'edit' | 'submit' | 'review' | 'publish';

/** Who may review a report: the roles that approve replies too; never the report's author (four eyes). */
export const REPORT_REVIEWER_ROLES: readonly Role[] = ['reviewer', 'manager', 'admin'];

export interface ReportFacts {
  status: ReportStatus;
  authorId: string | null;
}

/**
 * The status after `step` by `actor`, or the refusal: edits only in draft (they make the editor the author),
 * a submission only of a draft, a review only in review and never by the author, a publication only of an
 * approved report. `approved` is the review's verdict (a returned report goes back to draft).
 */
export function nextReportStatus(
  report: ReportFacts,
  step: ReportStep,
  actor: { accountId: string; role: Role },
  approved?: boolean,
): ReportStatus {
  const refuse = (why: string): never => {
    throw new DomainError('DISCLOSURE_REPORT_STEP_REFUSED', 'conflict', why, { reportStatus: report.status, step });
  };
  switch (step) {
    case 'edit':
      return report.status === 'draft' ? 'draft' : refuse('only a draft can be edited');
    case 'submit':
      return report.status === 'draft' ? 'in_review' : refuse('only a draft can be submitted');
    case 'review':
      if (report.status !== 'in_review') return refuse('only a submitted report can be reviewed');
      if (!REPORT_REVIEWER_ROLES.includes(actor.role)) return refuse('this role does not review reports');
      if (report.authorId === actor.accountId)
        throw new DomainError('SELF_REVIEW', 'forbidden', 'the author cannot review the report');
      return approved ? 'approved' : 'draft';
    case 'publish':
      return report.status === 'approved' ? 'published' : refuse('only an approved report can be published');
  }
}

/** What the report publishes and hashes: the unit, the year, the tables and the words (no personal data). */
export interface ReportContent {
  unit: string;
  year: number;
  officeKind: ReportOfficeKind;
  dueDate: string;
  tables: ReportTables;
  narrative: Narrative;
}
