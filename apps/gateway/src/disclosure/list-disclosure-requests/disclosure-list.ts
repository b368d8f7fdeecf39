import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { actsForAllUnits, shanghaiDate, type StaffActor } from '../../../../../libs/domain/src';
import { currentCalendar, listDisclosureCases } from '../../../../../libs/persistence/src';
import { DATA_SOURCE } from '../../common/tokens';
import { type CaseStanding, DisclosureCaseLoader, type DisclosureRequestRow } from '../disclosure-case';

export interface DisclosureListItem {
  request: DisclosureRequestRow;
  standing: CaseStanding;
}

/** The most requests a list shows. */
const LIST_LIMIT = 500;

/**
 * The open requests an actor may work on, overdue first, then by due date (a case without a date, waiting
 * for the applicant or a consulted party, after those with one), then by receipt. Clocks are computed
 * from each case's log and today's calendar: no due date is stored (ADR 67).
 */
@Injectable()
export class DisclosureList {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly loader: DisclosureCaseLoader,
  ) {}

  async open(actor: StaffActor, unit?: string): Promise<DisclosureListItem[]> {
    const scope = actsForAllUnits(actor.role) ? unit : actor.unit;
    const now = new Date();
    const [cases, calendar] = await Promise.all([
      listDisclosureCases(this.dataSource, { ...(scope ? { unit: scope } : {}), limit: LIST_LIMIT }),
      currentCalendar(this.dataSource, now),
    ]);
    const today = shanghaiDate(now);
    const items = await Promise.all(
      cases.map(async ({ request, events }) => ({
        request,
        standing: await this.loader.standing(request.requestId, events, calendar, today),
      })),
    );
    const key = (item: DisclosureListItem): string =>
      `${item.standing.overdue ? 0 : 1}${item.standing.state.closed ? 1 : 0}${item.standing.dueDate ?? '9999-99-99'}${item.request.receivedDate}`;
    return items.sort((a, b) => key(a).localeCompare(key(b)));
  }
}
