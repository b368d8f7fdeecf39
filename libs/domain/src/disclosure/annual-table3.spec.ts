import {
  computeTable3,
  type Table3Fact,
  table3Balances,
  TABLE3_COLUMNS,
  table3FactsOfCase,
  TABLE3_ROWS,
} from './annual-table3';
import type { CaseEvent } from './case-events';

/**
 * A fixture year computed by hand. 2026: five cases.
 * A natural person, received 2025-12-20, disclosed 2026-01-10 → carried over, handled (disclosed).
 * B natural person, received 2026-03-02, partly disclosed 2026-03-30 → new, handled.
 * C business, received 2026-05-11, correction lapsed 2026-06-01 → new, handled (correction_lapsed).
 * D research, received 2026-12-21, still open → new, carried forward.
 * E natural person, received 2025-11-03, not held 2025-12-01 → closed before the year: not counted.
 * F legal services, received 2027-01-04 → after the year: not counted.
 */
const facts: Table3Fact[] = [
  { caseId: 'A', kind: 'received', date: '2025-12-20', applicant: 'natural_person' },
  { caseId: 'A', kind: 'closed', date: '2026-01-10', outcome: 'disclosed' },
  { caseId: 'B', kind: 'received', date: '2026-03-02', applicant: 'natural_person' },
  { caseId: 'B', kind: 'closed', date: '2026-03-30', outcome: 'partly_disclosed' },
  { caseId: 'C', kind: 'received', date: '2026-05-11', applicant: 'business' },
  { caseId: 'C', kind: 'closed', date: '2026-06-01', outcome: 'correction_lapsed' },
  { caseId: 'D', kind: 'received', date: '2026-12-21', applicant: 'research' },
  { caseId: 'E', kind: 'received', date: '2025-11-03', applicant: 'natural_person' },
  { caseId: 'E', kind: 'closed', date: '2025-12-01', outcome: 'not_held' },
  { caseId: 'F', kind: 'received', date: '2027-01-04', applicant: 'legal_services' },
];

describe('Table 3 of the annual report, from logged case facts', () => {
  const table = computeTable3(facts, 2026);

  it('has 7 columns and 25 rows', () => {
    expect(TABLE3_COLUMNS).toHaveLength(7);
    expect(TABLE3_ROWS).toHaveLength(25);
  });

  it('reproduces the hand-computed fixture year', () => {
    expect(table.new).toMatchObject({ natural_person: 1, business: 1, research: 1, legal_services: 0, total: 3 });
    expect(table.carried_over).toMatchObject({ natural_person: 1, total: 1 });
    expect(table.disclosed).toMatchObject({ natural_person: 1, total: 1 });
    expect(table.partly_disclosed).toMatchObject({ natural_person: 1, total: 1 });
    expect(table.correction_lapsed).toMatchObject({ business: 1, total: 1 });
    expect(table.not_held.total).toBe(0);
    expect(table.handled_total).toMatchObject({ natural_person: 2, business: 1, research: 0, total: 3 });
    expect(table.carried_forward).toMatchObject({ research: 1, total: 1 });
  });

  it('balances: new + carried over = handled + carried forward, and this year forward is next year over', () => {
    expect(table3Balances(table)).toBe(true);
    expect(table.new.total + table.carried_over.total).toBe(4);
    expect(computeTable3(facts, 2027).carried_over).toEqual(table.carried_forward);
  });
});

describe('Table 3 facts read from a case log', () => {
  it('takes the receipt and the closing reply or abandonment, and nothing else', () => {
    const events: CaseEvent[] = [
      { type: 'RequestReceived', date: '2026-05-11', channel: 'online', handlerId: 'h-1' },
      { type: 'CorrectionRequested', date: '2026-05-12', periodWorkingDays: 10 },
      { type: 'Abandoned', date: '2026-06-01', outcome: 'correction_lapsed' },
    ];
    expect(table3FactsOfCase('C', 'business', events)).toEqual(facts.filter((f) => f.caseId === 'C'));
  });
});
