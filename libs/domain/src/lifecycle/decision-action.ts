import { publicActor, type Role, type StaffActor } from '../accounts/actors';
import type { DecisionState, StepEvents } from './decision-state';
import { statusOf } from './decision-status';
import { ForbiddenActionError, IllegalTransitionError } from '../errors/errors';
import { type SYSTEM_ACTOR } from '../log/internal-log';
import type { Policy } from '../accounts/policy';
import type { PublicEventType } from '../log/public-log';
import type { Stage } from './stages';
import type { ActionName } from './command-schemas';

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
 * action's own rule; `perform` checks role, stage and unit first, the same for every action. The body is
 * as the client sent it: the rule reads each field through its schema (`read`, COMMAND_SCHEMAS[name])
 * at the point its rule says, so a state conflict found first still answers 409, not 422.
 */
export interface DecisionAction<N extends ActionName = ActionName> {
  name: N;
  roles: readonly Role[];
  stages: readonly Stage[];
  /** One sentence for the console and the API docs. */
  summary: string;
  decide(state: DecisionState, body: unknown, context: ActionContext): Outcome;
}

export const defineAction = <N extends ActionName>(action: DecisionAction<N>): DecisionAction<N> => action;

/** The role part of the rule, which needs no state: the gateway checks it before a round trip. */
export function assertRole(action: DecisionAction, actor: StaffActor): void {
  if (!action.roles.includes(actor.role)) {
    throw new ForbiddenActionError(
      'ROLE_NOT_ALLOWED',
      `${action.name} needs one of the roles: ${action.roles.join(', ')}.`,
    );
  }
}

export function assertAllowed(action: DecisionAction, state: DecisionState, actor: StaffActor): void {
  if (!state.registered) throw new IllegalTransitionError(`Decision ${state.decisionId} is not registered.`);
  assertRole(action, actor);
  if (actor.role === 'drafter' && actor.unit !== state.unit) {
    throw new ForbiddenActionError(
      'OTHER_UNIT',
      `A drafter of ${actor.unit} cannot act on a decision of ${state.unit}.`,
    );
  }
  if (!action.stages.includes(state.stage)) {
    throw new IllegalTransitionError(
      `${action.name} is not possible while the decision is in stage ${state.stage} (allowed in: ${action.stages.join(', ')}).`,
      {
        stage: state.stage,
        allowedStages: action.stages,
      },
    );
  }
}

/** Turns a rule's outcome into numbered events and the next state (log counters advanced). */
export function toStep(
  state: DecisionState,
  outcome: Outcome,
  context: ActionContext,
): { events: StepEvents; state: DecisionState } {
  const occurredAt = context.now.toISOString();
  const actor =
    context.actor.role === 'system' ? { unit: 'system', role: 'system' as const } : publicActor(context.actor);
  const events: StepEvents = {
    public: outcome.public.map((event, index) => ({
      seq: state.publicSeq + index + 1,
      type: event.type,
      occurredAt,
      actor,
      data: event.data,
    })),
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
export function perform(
  action: DecisionAction,
  state: DecisionState,
  body: unknown,
  context: ActionContext & { actor: StaffActor },
) {
  assertAllowed(action, state, context.actor);
  return toStep(state, action.decide(state, body, context), context);
}
