import { publicActor, type Role, type StaffActor } from './actors';
import type { DecisionState, StepEvents } from './decision-state';
import { statusOf } from './decision-status';
import { ForbiddenActionError, IllegalTransitionError, InvalidCommandError } from './errors';
import { type SYSTEM_ACTOR } from './internal-log';
import type { Policy } from './policy';
import type { PublicEventType } from './public-log';
import type { Stage } from './stages';

/** Everything a rule may depend on besides the state and the command: who, when, which policy. */
export interface ActionContext {
  actor: StaffActor | typeof SYSTEM_ACTOR;
  now: Date;
  policy: Policy;
  /**
   * Set by the workflow only when replaying steps accepted before a rule became stricter (a `patched()`
   * id each): `publicSummaryOptional`, a confidential publication without public title and summary.
   */
  legacy?: { publicSummaryOptional?: boolean } | undefined;
}

/** What a rule decides: the next state and the step's events (without seq, time or actor yet). */
export interface Outcome {
  state: DecisionState;
  public: Array<{ type: PublicEventType; data: Record<string, unknown> }>;
  internal: { type: string; data: Record<string, unknown> };
}

/**
 * A staff action (one Workflow Update, one URL `POST /api/v1/decisions/{id}/{name}`). `decide` holds the
 * action's own rule; `perform` checks role, stage and unit first, the same for every action.
 */
export interface DecisionAction<C = Record<string, unknown>> {
  name: string;
  roles: readonly Role[];
  stages: readonly Stage[];
  /** One sentence for the console and the API docs. */
  summary: string;
  decide(state: DecisionState, command: C, context: ActionContext): Outcome;
}

export const defineAction = <C>(action: DecisionAction<C>): DecisionAction<C> => action;

/** The role part of the rule, which needs no state: the gateway checks it before a round trip. */
export function assertRole(action: DecisionAction<never>, actor: StaffActor): void {
  if (!action.roles.includes(actor.role)) {
    throw new ForbiddenActionError('ROLE_NOT_ALLOWED', `${action.name} needs one of the roles: ${action.roles.join(', ')}.`);
  }
}

export function assertAllowed(action: DecisionAction<never>, state: DecisionState, actor: StaffActor): void {
  if (!state.registered) throw new IllegalTransitionError(`Decision ${state.decisionId} is not registered.`);
  assertRole(action, actor);
  if (actor.role === 'drafter' && actor.unit !== state.unit) {
    throw new ForbiddenActionError('OTHER_UNIT', `A drafter of ${actor.unit} cannot act on a decision of ${state.unit}.`);
  }
  if (!action.stages.includes(state.stage)) {
    throw new IllegalTransitionError(`${action.name} is not possible while the decision is in stage ${state.stage} (allowed in: ${action.stages.join(', ')}).`, {
      stage: state.stage,
      allowedStages: action.stages,
    });
  }
}

/** Turns a rule's outcome into numbered events and the next state (log counters advanced). */
export function toStep(state: DecisionState, outcome: Outcome, context: ActionContext): { events: StepEvents; state: DecisionState } {
  const occurredAt = context.now.toISOString();
  const actor = context.actor.role === 'system' ? { unit: 'system', role: 'system' as const } : publicActor(context.actor);
  const events: StepEvents = {
    public: outcome.public.map((event, index) => ({ seq: state.publicSeq + index + 1, type: event.type, occurredAt, actor, data: event.data })),
    internal: [
      {
        seq: state.internalSeq + 1,
        type: outcome.internal.type,
        occurredAt,
        actor: context.actor,
        data: { ...outcome.internal.data, status: statusOf(outcome.state) },
      },
    ],
  };
  return {
    events,
    state: { ...outcome.state, publicSeq: state.publicSeq + events.public.length, internalSeq: state.internalSeq + 1 },
  };
}

/** Checks and runs a staff action. Throws the DomainError that explains a refusal; pure. */
export function perform<C>(action: DecisionAction<C>, state: DecisionState, command: C, context: ActionContext & { actor: StaffActor }) {
  assertAllowed(action, state, context.actor);
  return toStep(state, action.decide(state, command, context), context);
}

/** Small validation helpers for rules: each throws InvalidCommandError with the field named. */
export function requireText(value: unknown, field: string, max = 100_000): string {
  if (typeof value !== 'string' || value.trim().length === 0) throw new InvalidCommandError('FIELD_REQUIRED', `${field} is required.`, { field });
  if (value.length > max) throw new InvalidCommandError('FIELD_TOO_LONG', `${field} is longer than ${max} characters.`, { field });
  return value;
}

export function requireInstant(value: unknown, field: string): Date {
  const instant = typeof value === 'string' ? new Date(value) : undefined;
  if (!instant || Number.isNaN(instant.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(String(value))) {
    throw new InvalidCommandError('INVALID_DATE', `${field} must be an RFC 3339 date-time, e.g. 2027-01-10T00:00:00Z.`, { field });
  }
  return instant;
}
