import { type CaseEvent, type TimelinessCase, timelinessCaseOf, type WorkingCalendar } from '../../../domain/src';
import type { DataSource } from 'typeorm';
import { DisclosureCaseLogEntity, DisclosureRequestEntity } from '../entities/disclosure.entity';

/**
 * Every disclosure case's timeliness facts (ADR 0120), read from the case logs and folded on `calendar`:
 * unit, receipt, due date at reply, closing date and outcome; nothing else of the case is read, so
 * nothing personal can reach the open data built from it. Two queries whatever the count.
 */
export async function timelinessCases(dataSource: DataSource, calendar: WorkingCalendar): Promise<TimelinessCase[]> {
  const requests = await dataSource.manager.find(DisclosureRequestEntity, {
    select: { requestId: true, unit: true, receivedDate: true },
    order: { receivedDate: 'ASC', requestId: 'ASC' },
  });
  const rows = await dataSource.manager.find(DisclosureCaseLogEntity, {
    select: { requestId: true, seq: true, data: true },
    order: { requestId: 'ASC', seq: 'ASC' },
  });
  const events = new Map<string, CaseEvent[]>();
  for (const row of rows) {
    const list = events.get(row.requestId) ?? [];
    list.push(JSON.parse(row.data) as CaseEvent);
    events.set(row.requestId, list);
  }
  return requests.map((r) => timelinessCaseOf(r.unit, events.get(r.requestId) ?? [], calendar));
}
