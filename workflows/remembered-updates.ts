import { currentUpdateInfo } from '@temporalio/workflow';

/** How many recent keyed update ids a decision remembers (carried across continue-as-new). */
export const REMEMBERED_UPDATES = 200;

/**
 * Ids of the updates the gateway sent with an Idempotency-Key (`<account id>:<key>`; the client's own
 * random ids have no colon), most recent last. Temporal answers a retried update id with the original
 * outcome only within one run; once the workflow continued as new, a late retry reaches the new run,
 * which must not apply it again (ADR 0026). Trap: only the last {@link REMEMBERED_UPDATES} are kept.
 */
export function createRememberedUpdates(initial: readonly string[] | undefined): {
  /** The current update's id, if it is a remembered keyed one. */
  seen(): boolean;
  remember(): void;
  list(): string[];
} {
  let ids = [...(initial ?? [])];
  const keyedId = (): string | undefined => {
    const id = currentUpdateInfo()?.id;
    return id?.includes(':') ? id : undefined;
  };
  return {
    seen: () => {
      const id = keyedId();
      return id !== undefined && ids.includes(id);
    },
    remember: () => {
      const id = keyedId();
      if (id !== undefined && !ids.includes(id)) ids = [...ids, id].slice(-REMEMBERED_UPDATES);
    },
    list: () => ids,
  };
}
