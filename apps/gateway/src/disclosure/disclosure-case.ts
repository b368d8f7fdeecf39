import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import {
  actsForAllUnits,
  type CaseDeadline,
  caseDeadlines,
  type CaseEvent,
  type CaseState,
  DEFAULT_DISCLOSURE_SETTINGS,
  DomainError,
  foldCase,
  replyClock,
  type ReplyClock,
  shanghaiDate,
  type StaffActor,
  type WorkingCalendar,
} from '../../../../libs/domain/src';
import {
  type CaseLogEntry,
  currentCalendar,
  findDisclosureRequest,
  readCaseLog,
} from '../../../../libs/persistence/src';
import { disclosureWorkflowId, getDisclosureCaseQuery } from '../../../../workflows/definitions';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../common/tokens';

/** The case row of a request (no personal data), as `findDisclosureRequest` reads it. */
export type DisclosureRequestRow = NonNullable<Awaited<ReturnType<typeof findDisclosureRequest>>>;

/**
 * The request when `actor` may work on it: a drafter on their own unit's requests, other roles on every
 * unit's (as for decisions). Anything else is DISCLOSURE_REQUEST_NOT_FOUND: other units' requests are not
 * even confirmed to exist.
 */
export async function ownDisclosureRequest(
  dataSource: DataSource,
  requestId: string,
  actor: StaffActor,
): Promise<DisclosureRequestRow> {
  const request = await findDisclosureRequest(dataSource, requestId);
  if (!request || (!actsForAllUnits(actor.role) && request.unit !== actor.unit))
    throw new DomainError(
      'DISCLOSURE_REQUEST_NOT_FOUND',
      'not_found',
      `No disclosure request ${requestId} for your unit.`,
    );
  return request;
}

/** Where a case stands, computed from its logged events and the current calendar (ADR 67). */
export interface CaseStanding {
  state: CaseState;
  clock: ReplyClock;
  deadlines: CaseDeadline[];
  /** The reply was marked overdue, or its due date is before today. */
  overdue: boolean;
  /** The date the list sorts by: the reply's due date, else the first pending deadline. */
  dueDate?: string;
}

/**
 * Folds a case's logged events for display. Review is left off (`reviewReplies`): the log holds only
 * what the workflow accepted, also the replies of runs from before the review existed (ADR 102).
 */
export function standingOf(events: readonly CaseEvent[], calendar: WorkingCalendar, today: string): CaseStanding {
  return standingOfState(foldCase(events, calendar, DEFAULT_DISCLOSURE_SETTINGS), calendar, today);
}

/** The clocks of a case state on `calendar`. */
export function standingOfState(state: CaseState, calendar: WorkingCalendar, today: string): CaseStanding {
  const settings = DEFAULT_DISCLOSURE_SETTINGS;
  const clock = replyClock(state, calendar, settings);
  const deadlines = caseDeadlines(state, calendar, settings);
  const dueDate = clock.status === 'running' ? clock.dueDate : deadlines[0]?.lastDay;
  const overdue =
    !state.closed && (state.overdue !== undefined || (clock.status === 'running' && clock.dueDate < today));
  return { state, clock, deadlines, overdue, ...(dueDate ? { dueDate } : {}) };
}

export interface DisclosureCase extends CaseStanding {
  request: DisclosureRequestRow;
  log: CaseLogEntry[];
  today: string;
}

/** Loads one case for the staff (API and console): the row, the log, and its standing on today's calendar. */
@Injectable()
export class DisclosureCaseLoader {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  /**
   * The standing of a case from its log. Trap: a step was checked on the calendar of its day; after a
   * calendar change the fold may refuse it (a reply marked overdue whose due date has since moved later).
   * Then the case's workflow, which kept its state, answers instead; the clocks are still today's.
   */
  async standing(requestId: string, events: readonly CaseEvent[], calendar: WorkingCalendar, today: string) {
    try {
      return standingOf(events, calendar, today);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const view = await this.client.workflow
        .getHandle(disclosureWorkflowId(requestId))
        .query(getDisclosureCaseQuery)
        .catch(() => {
          throw error;
        });
      return standingOfState(view.state, calendar, today);
    }
  }

  async load(requestId: string, actor: StaffActor): Promise<DisclosureCase> {
    const request = await ownDisclosureRequest(this.dataSource, requestId, actor);
    const now = new Date();
    const [log, calendar] = await Promise.all([
      readCaseLog(this.dataSource, requestId),
      currentCalendar(this.dataSource, now),
    ]);
    const today = shanghaiDate(now);
    const standing = await this.standing(
      requestId,
      log.map((entry) => entry.event),
      calendar,
      today,
    );
    return { request, log, today, ...standing };
  }

  calendar(): Promise<WorkingCalendar> {
    return currentCalendar(this.dataSource, new Date());
  }
}
