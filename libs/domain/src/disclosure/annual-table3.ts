import type { CaseEvent } from './case-events';
import { APPLICANT_KINDS, type ApplicantKind } from './intake';
import { OUTCOME_KEYS, type Outcome } from './outcomes';

/**
 * Table 3 of the annual report (收到和处理政府信息公开申请情况, 国办公开办函〔2021〕30号), computed only from
 * logged case facts: 7 columns (six applicant kinds and their total) × 25 rows (new, carried over, the 21
 * outcomes and their total, carried forward). A case counts in the year of its Shanghai dates; it is
 * "handled" in the year it closed (reply or abandonment), whatever year it was received in.
 */
export type Table3Fact =
  | { caseId: string; kind: 'received'; date: string; applicant: ApplicantKind }
  | { caseId: string; kind: 'closed'; date: string; outcome: Outcome };

export type Table3Column = ApplicantKind | 'total';
export type Table3Row = 'new' | 'carried_over' | Outcome | 'handled_total' | 'carried_forward';
export const TABLE3_COLUMNS: readonly Table3Column[] = [...APPLICANT_KINDS, 'total'];
export const TABLE3_ROWS: readonly Table3Row[] = [
  'new',
  'carried_over',
  ...OUTCOME_KEYS,
  'handled_total',
  'carried_forward',
];

export type Table3 = Record<Table3Row, Record<Table3Column, number>>;

function emptyTable(): Table3 {
  const zeros = () => Object.fromEntries(TABLE3_COLUMNS.map((c) => [c, 0])) as Record<Table3Column, number>;
  return Object.fromEntries(TABLE3_ROWS.map((r) => [r, zeros()])) as Table3;
}

export function computeTable3(facts: readonly Table3Fact[], year: number): Table3 {
  const table = emptyTable();
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const cases = new Map<
    string,
    { received?: { date: string; applicant: ApplicantKind }; closed?: { date: string; outcome: Outcome } }
  >();
  for (const fact of facts) {
    const entry = cases.get(fact.caseId) ?? {};
    if (fact.kind === 'received') entry.received = { date: fact.date, applicant: fact.applicant };
    else entry.closed = { date: fact.date, outcome: fact.outcome };
    cases.set(fact.caseId, entry);
  }
  const add = (row: Table3Row, applicant: ApplicantKind) => {
    table[row][applicant] += 1;
    table[row].total += 1;
  };
  for (const { received, closed } of cases.values()) {
    if (!received || received.date > end) continue;
    if (closed && closed.date < start) continue;
    add(received.date >= start ? 'new' : 'carried_over', received.applicant);
    if (closed && closed.date <= end) {
      add(closed.outcome, received.applicant);
      add('handled_total', received.applicant);
    } else add('carried_forward', received.applicant);
  }
  return table;
}

/** The check-sum printed in the table: per column, new + carried over = handled + carried forward. */
export function table3Balances(table: Table3): boolean {
  return TABLE3_COLUMNS.every(
    (c) => table.new[c] + table.carried_over[c] === table.handled_total[c] + table.carried_forward[c],
  );
}

/**
 * The Table 3 facts of one case, read from its logged events: the receipt, and the reply or abandonment
 * that closed it. The applicant's kind comes from the case row (the log holds no personal data).
 */
export function table3FactsOfCase(
  caseId: string,
  applicant: ApplicantKind,
  events: readonly CaseEvent[],
): Table3Fact[] {
  return events.flatMap((event): Table3Fact[] => {
    if (event.type === 'RequestReceived') return [{ caseId, kind: 'received', date: event.date, applicant }];
    if (event.type === 'Replied' || event.type === 'Abandoned')
      return [{ caseId, kind: 'closed', date: event.date, outcome: event.outcome }];
    return [];
  });
}
