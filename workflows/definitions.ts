import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DecisionState, Policy, RegisterDecision, StaffActor } from '../libs/domain/src';

export const TASK_QUEUE = 'decisions';

/** Workflow id of a decision: `decision:{decisionId}` (DESIGN.md §3). */
export function decisionWorkflowId(decisionId: string): string {
  return `decision:${decisionId}`;
}

/** Input of `decisionWorkflow`. `state` is set when a run continues as new. */
export interface DecisionWorkflowInput {
  decisionId: string;
  state?: DecisionState;
  /** Fixed when the decision starts and carried across runs; default: the legal defaults. */
  policy?: Policy;
  /** Ids of recent updates sent with an Idempotency-Key, carried across runs (workflows/remembered-updates.ts). */
  appliedUpdates?: string[];
}

/** Every staff action carries the acting account, checked by the gateway's guard before it gets here. */
export interface StaffCommand<C> {
  actor: StaffActor;
  command: C;
}

export const registerUpdate = defineUpdate<DecisionState, [StaffCommand<RegisterDecision>]>('register');
export const getStateQuery = defineQuery<DecisionState>('getState');

/** The Update of a staff action of `ACTIONS` (libs/domain), named like the action. */
export function actionUpdate(name: string) {
  return defineUpdate<DecisionState, [StaffCommand<Record<string, unknown>>]>(name);
}
