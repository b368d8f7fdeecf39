import type { EntityManager } from 'typeorm';
import { canonicalize, type StaffActor } from '../../../domain/src';
import { AdminEventEntity } from '../entities/admin-event.entity';

/** What the administration log records. Past tense, like every event name. */
export type AdminEventType = 'UnitCreated' | 'AccountCreated' | 'AccountChanged' | 'SignInLockoutEnded';

/**
 * Appends one row to `admin_events` through `manager`, i.e. inside the caller's transaction, so that
 * the change and its record commit together. Trap: `data` is stored as given: never pass a password
 * or a password hash.
 */
export async function appendAdminEvent(
  manager: EntityManager,
  event: { type: AdminEventType; actor: StaffActor; occurredAt: Date; data: Record<string, unknown> },
): Promise<void> {
  const { accountId, username, unit, role } = event.actor;
  await manager.insert(AdminEventEntity, {
    occurredAt: event.occurredAt.toISOString(),
    actor: canonicalize({ accountId, username, unit, role }),
    type: event.type,
    data: canonicalize(event.data),
  });
}

/** A UNIQUE or PRIMARY KEY violation from PostgreSQL or SQLite (two writers raced past a check). */
export function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { driverError?: { code?: unknown } })?.driverError?.code ?? (error as { code?: unknown })?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
