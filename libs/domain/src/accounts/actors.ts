/** Staff roles (SPEC.md §1). */
export const ROLES = ['drafter', 'reviewer', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The acting account as the workflow and the internal log know it. */
export interface StaffActor {
  accountId: string;
  username: string;
  unit: string;
  role: Role;
}

/**
 * The actor as the public log shows it: unit and role only, never a staff member's personal data
 * (SPEC.md §6).
 */
export interface PublicActor {
  unit: string;
  role: Role | 'system';
}

export function publicActor(actor: StaffActor): PublicActor {
  return { unit: actor.unit, role: actor.role };
}

/** Roles that see and act across all units. */
export function actsForAllUnits(role: Role): boolean {
  return role !== 'drafter';
}
