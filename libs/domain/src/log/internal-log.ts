import type { StaffActor } from '../accounts/actors';

/**
 * One entry of a decision's internal (staff-only) log: every step with the acting account and its full
 * details, including what never becomes public (confidential grounds, raw records). Numbered per decision
 * like the public log, but not hashed and never served publicly.
 */
export interface InternalEventDraft {
  seq: number;
  type: string;
  /** RFC 3339 UTC. */
  occurredAt: string;
  actor: StaffActor | { accountId: 'system'; username: 'system'; unit: 'system'; role: 'system' };
  data: Record<string, unknown>;
}

export const SYSTEM_ACTOR: InternalEventDraft['actor'] = {
  accountId: 'system',
  username: 'system',
  unit: 'system',
  role: 'system',
};
