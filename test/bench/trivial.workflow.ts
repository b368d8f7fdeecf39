import {
  condition,
  defineSignal,
  defineUpdate,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';

/**
 * The baseline workflow of the benchmarks, run by the bench process's own worker on its own task queue,
 * on the same dev server as the decisions. `increment` does no I/O and returns a counter;
 * `incrementAfterActivity` first awaits one no-op activity, the shape of a registration (validate,
 * append through an activity, answer) without our code and without a database; `incrementAfterLocalActivity`
 * awaits one no-op *local* activity, the shape of a staff action since its log append became one (ADR 111):
 * the floor of that design, without our rules and without a database.
 */
export const incrementUpdate = defineUpdate<number, [number]>('increment');
export const incrementAfterActivityUpdate = defineUpdate<number, [number]>('incrementAfterActivity');
export const incrementAfterLocalActivityUpdate = defineUpdate<number, [number]>('incrementAfterLocalActivity');
export const stopSignal = defineSignal('stop');

export interface TrivialActivities {
  noop(): Promise<void>;
}

const { noop } = proxyActivities<TrivialActivities>({ startToCloseTimeout: '30 seconds' });
const local = proxyLocalActivities<TrivialActivities>({ startToCloseTimeout: '30 seconds' });

/** Stays open like a decision does after registration, so updates keep arriving at a running workflow. */
export async function trivialWorkflow(): Promise<number> {
  let counter = 0;
  let stopped = false;
  setHandler(incrementUpdate, (by) => (counter += by));
  setHandler(incrementAfterActivityUpdate, async (by) => {
    await noop();
    return (counter += by);
  });
  setHandler(incrementAfterLocalActivityUpdate, async (by) => {
    await local.noop();
    return (counter += by);
  });
  setHandler(stopSignal, () => void (stopped = true));
  await condition(() => stopped);
  return counter;
}
