import {
  assertContinuesPublished,
  assertReportYear,
  assertTable3Checks,
  computeReportTables,
  computeTable4,
  emptyTable2,
  isReportOverdue,
  nextReportStatus,
  readNarrative,
  readTable2,
  type RemedyRecord,
  reportDueDate,
  reportOverdueAt,
} from './annual-report';
import { computeTable3, type Table3Fact } from './annual-table3';

const code = (c: string) => expect.objectContaining({ code: c });

describe('the annual report due date (OGI art.49)', () => {
  it('is 31 January for a department and 31 March for a government office, of the following year', () => {
    expect(reportDueDate('department', 2026)).toBe('2027-01-31');
    expect(reportDueDate('government_office', 2026)).toBe('2027-03-31');
  });

  it('is overdue from the Shanghai midnight after the due date until published', () => {
    expect(reportOverdueAt('2027-01-31').toISOString()).toBe('2027-01-31T16:00:00.000Z');
    expect(isReportOverdue({ dueDate: '2027-01-31', status: 'draft' }, '2027-01-31')).toBe(false);
    expect(isReportOverdue({ dueDate: '2027-01-31', status: 'in_review' }, '2027-02-01')).toBe(true);
    expect(isReportOverdue({ dueDate: '2027-01-31', status: 'published' }, '2027-02-01')).toBe(false);
  });
});

describe('Table 4, from the reconsideration and litigation records', () => {
  const record = (kind: RemedyRecord['kind'], filedDate: string, result: RemedyRecord['result'], decided?: string) => ({
    kind,
    filedDate,
    result,
    decidedDate: decided ?? null,
  });

  it('counts the records filed in the year by their result as of 31 December; later or none is pending', () => {
    const table = computeTable4(
      [
        record('reconsideration', '2026-02-01', 'upheld', '2026-04-01'),
        record('reconsideration', '2026-03-01', 'corrected', '2026-05-01'),
        record('reconsideration', '2026-11-01', 'upheld', '2027-01-15'),
        record('litigation_direct', '2026-06-01', null),
        record('litigation_after_reconsideration', '2026-07-01', 'other', '2026-09-01'),
        record('reconsideration', '2025-12-01', 'upheld', '2026-01-10'),
      ],
      2026,
    );
    expect(table.reconsideration).toEqual({ upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 });
    expect(table.litigation_direct).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    expect(table.litigation_after_reconsideration).toEqual({ upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 });
  });
});

describe('Table 2 and the narrative, as staff enter them', () => {
  it('reads numbers ≥ 0 (whole counts, fees with decimals) and refuses anything else naming the field', () => {
    expect(readTable2({ rules_issued: '3', fees_collected_10k_yuan: 0.04 })).toEqual({
      ...emptyTable2(),
      rules_issued: 3,
      fees_collected_10k_yuan: 0.04,
    });
    expect(() => readTable2({ rules_issued: '-1' })).toThrow(code('DISCLOSURE_REPORT_FIELD_INVALID'));
    expect(() => readTable2({ licensing_decisions: '1.5' })).toThrow(code('DISCLOSURE_REPORT_FIELD_INVALID'));
    expect(() => readTable2({ penalty_decisions: 'x' })).toThrow(code('DISCLOSURE_REPORT_FIELD_INVALID'));
  });

  it('keeps the three narrative sections, trimmed, and refuses non-text', () => {
    expect(readNarrative({ overview: ' 本年度… ' })).toEqual({ overview: '本年度…', problems: '', other: '' });
    expect(() => readNarrative({ problems: 3 })).toThrow(code('DISCLOSURE_REPORT_FIELD_INVALID'));
    expect(() => readNarrative({ other: 'x'.repeat(20_001) })).toThrow(code('DISCLOSURE_REPORT_FIELD_INVALID'));
  });
});

describe('the tables together, with the check-sums asserted', () => {
  const facts: Table3Fact[] = [
    { caseId: 'A', kind: 'received', date: '2025-12-20', applicant: 'natural_person' },
    { caseId: 'A', kind: 'closed', date: '2026-01-10', outcome: 'disclosed' },
    { caseId: 'D', kind: 'received', date: '2026-12-21', applicant: 'research' },
    { caseId: 'G', kind: 'received', date: '2026-12-30', applicant: 'business' },
    { caseId: 'G', kind: 'closed', date: '2027-01-05', outcome: 'not_held' },
  ];

  it('computes Table 3 that balances and whose carried forward is next year carried over', () => {
    const tables = computeReportTables(facts, [], emptyTable2(), 2026);
    expect(tables.table3.new.total + tables.table3.carried_over.total).toBe(3);
    expect(tables.table3.handled_total.total + tables.table3.carried_forward.total).toBe(3);
    expect(tables.table3.carried_forward).toEqual(computeTable3(facts, 2027).carried_over);
  });

  it('refuses a year whose carried over differs from the published carried forward of the year before', () => {
    const y2026 = computeTable3(facts, 2026);
    const y2027 = computeTable3(facts, 2027);
    expect(() => assertContinuesPublished(y2026, y2027)).not.toThrow();
    const late = computeTable3(
      [...facts, { caseId: 'L', kind: 'received', date: '2026-06-01', applicant: 'other' }],
      2027,
    );
    expect(() => assertContinuesPublished(y2026, late)).toThrow(code('DISCLOSURE_REPORT_UNBALANCED'));
  });

  it('refuses a table that does not balance or does not link to the next year', () => {
    const table = computeTable3(facts, 2026);
    const unbalanced = { ...table, new: { ...table.new, total: table.new.total + 1 } };
    expect(() => assertTable3Checks(unbalanced, computeTable3(facts, 2027))).toThrow(
      code('DISCLOSURE_REPORT_UNBALANCED'),
    );
    const next = computeTable3(facts, 2027);
    const broken = { ...next, carried_over: { ...next.carried_over, research: 0 } };
    expect(() => assertTable3Checks(table, broken)).toThrow(code('DISCLOSURE_REPORT_UNBALANCED'));
  });
});

describe('the report steps, with four eyes', () => {
  const author = { accountId: 'a-1', role: 'drafter' as const };
  const head = { accountId: 'h-1', role: 'manager' as const };

  it('goes draft → in review → approved → published; a returned report is a draft again', () => {
    expect(nextReportStatus({ status: 'draft', authorId: null }, 'edit', author)).toBe('draft');
    expect(nextReportStatus({ status: 'draft', authorId: 'a-1' }, 'submit', author)).toBe('in_review');
    expect(nextReportStatus({ status: 'in_review', authorId: 'a-1' }, 'review', head, false)).toBe('draft');
    expect(nextReportStatus({ status: 'in_review', authorId: 'a-1' }, 'review', head, true)).toBe('approved');
    expect(nextReportStatus({ status: 'approved', authorId: 'a-1' }, 'publish', head)).toBe('published');
  });

  it('refuses a review by the author or by a drafter, and any step out of order', () => {
    const inReview = { status: 'in_review' as const, authorId: 'h-1' };
    expect(() => nextReportStatus(inReview, 'review', head, true)).toThrow(code('SELF_REVIEW'));
    expect(() => nextReportStatus({ ...inReview, authorId: 'x' }, 'review', author, true)).toThrow(
      code('DISCLOSURE_REPORT_STEP_REFUSED'),
    );
    expect(() => nextReportStatus({ status: 'in_review', authorId: 'a' }, 'edit', author)).toThrow(
      code('DISCLOSURE_REPORT_STEP_REFUSED'),
    );
    expect(() => nextReportStatus({ status: 'draft', authorId: 'a' }, 'publish', head)).toThrow(
      code('DISCLOSURE_REPORT_STEP_REFUSED'),
    );
    expect(() => nextReportStatus({ status: 'published', authorId: 'a' }, 'submit', author)).toThrow(
      code('DISCLOSURE_REPORT_STEP_REFUSED'),
    );
  });
});

describe('the year of a report', () => {
  it('may be opened for a year that has begun, never a future one', () => {
    expect(() => assertReportYear(2026, '2026-12-06')).not.toThrow();
    expect(() => assertReportYear(2025, '2026-12-06')).not.toThrow();
    expect(() => assertReportYear(2027, '2026-12-06')).toThrow(
      expect.objectContaining({ code: 'DISCLOSURE_REPORT_YEAR_INVALID' }),
    );
    expect(() => assertReportYear(2025.5, '2026-12-06')).toThrow(
      expect.objectContaining({ code: 'DISCLOSURE_REPORT_YEAR_INVALID' }),
    );
  });
});
