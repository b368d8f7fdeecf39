import type { Client } from '@temporalio/client';
import {
  type CaseEvent,
  dayKind,
  type DisclosureAction,
  type DisclosureCommand,
  shanghaiDate,
  type StaffActor,
  type WorkingCalendar,
  workingDaysBetween,
} from '../../libs/domain/src';
import {
  type DisclosureCaseView,
  disclosureUpdate,
  disclosureWorkflowId,
  getDisclosureCaseQuery,
} from '../../workflows/definitions';
import { toDomainError } from '../../libs/temporal/src';
import { eventually } from './eventually';

/** A refused update, rejecting with the DomainError the workflow raised (for `rejects.toMatchObject`). */
export function refusal<T>(update: Promise<T>): Promise<T> {
  return update.catch((error: unknown) => {
    throw toDomainError(error);
  });
}

/** The handler of the test cases, and the head of the disclosure office who approves extensions. */
export const handlerA: StaffActor = {
  accountId: 'acc-handler-a',
  username: 'handler',
  unit: 'unit-a',
  role: 'drafter',
};
export const headA: StaffActor = { accountId: 'acc-head-a', username: 'head', unit: 'unit-a', role: 'manager' };

const DAY_MS = 86_400_000;

export function todayInShanghai(): string {
  return shanghaiDate(new Date());
}

function previousDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

/** The latest date with exactly `days` working days after it up to and including today. */
export function workingDaysAgo(days: number, calendar: WorkingCalendar): string {
  const today = todayInShanghai();
  let date = today;
  while (workingDaysBetween(date, today, calendar) < days) date = previousDate(date);
  return date;
}

/** `count` weekend days (not holidays) after `from` and before today: make-up days a test calendar can add. */
export function weekendDaysSince(from: string, count: number, calendar: WorkingCalendar): string[] {
  const found: string[] = [];
  for (let date = previousDate(todayInShanghai()); date > from && found.length < count; date = previousDate(date))
    if (dayKind(calendar, date) === 'weekend') found.push(date);
  return found;
}

/** `calendar` with `dates` turned into make-up working days (调休), as version `version`. */
export function withMakeupDays(calendar: WorkingCalendar, dates: readonly string[], version: number): WorkingCalendar {
  const years = calendar.years.map((y) => ({ ...y, workdays: [...y.workdays] }));
  for (const date of dates) {
    const year = Number(date.slice(0, 4));
    let entry = years.find((y) => y.year === year);
    if (!entry) {
      entry = { year, status: 'official', holidays: [], workdays: [], source: 'test calendar' };
      years.push(entry);
    }
    entry.workdays.push(date);
  }
  return { version, years };
}

export function receivedOn(
  date: string,
  handler: StaffActor = handlerA,
): Extract<CaseEvent, { type: 'RequestReceived' }> {
  return { type: 'RequestReceived', date, channel: 'in_person', handlerId: handler.accountId };
}

/** Sends staff commands straight to a disclosure case's workflow, as the gateway will. */
export function disclosureDriver(client: Client, requestId: string) {
  const handle = client.workflow.getHandle(disclosureWorkflowId(requestId));
  const act = <A extends DisclosureAction>(
    actor: StaffActor,
    action: A,
    command: DisclosureCommand<A>,
  ): Promise<DisclosureCaseView> => handle.executeUpdate(disclosureUpdate(action), { args: [{ actor, command }] });
  const view = (): Promise<DisclosureCaseView> => handle.query(getDisclosureCaseQuery);
  const waitFor = (what: string, test: (view: DisclosureCaseView) => boolean): Promise<DisclosureCaseView> =>
    eventually(
      async () => {
        const current = await view();
        return test(current) && current;
      },
      { what: `case ${requestId}: ${what}` },
    );
  return { handle, act, view, waitFor };
}
