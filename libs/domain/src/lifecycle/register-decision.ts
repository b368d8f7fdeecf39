import { publicActor, type StaffActor } from '../accounts/actors';
import type { DecisionState, StepEvents } from './decision-state';
import { ForbiddenActionError, IllegalTransitionError, InvalidCommandError } from '../errors/errors';

/** Staff command `register` (SPEC.md §3.1). Dates are calendar dates, `YYYY-MM-DD`. */
export interface RegisterDecision {
  title: string;
  summary: string;
  unit: string;
  category: string;
  confidential: boolean;
  /** Required when `confidential`: the legal ground for not disclosing (依法不予公开). Never public. */
  confidentialGround?: string;
  riskAssessmentRequired: boolean;
  plannedDates?: { consultationFrom?: string; decisionBy?: string };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a registration against the rules; throws the domain error that explains the refusal. */
export function assertCanRegister(state: DecisionState, command: RegisterDecision, actor: StaffActor): void {
  if (state.registered) {
    throw new IllegalTransitionError(`Decision ${state.decisionId} is already registered.`);
  }
  if (actor.role !== 'drafter') {
    throw new ForbiddenActionError('ROLE_NOT_ALLOWED', 'Only a drafter of the policy unit registers a decision.');
  }
  if (actor.unit !== command.unit) {
    throw new ForbiddenActionError(
      'OTHER_UNIT',
      `A drafter of ${actor.unit} cannot register a decision for ${command.unit}.`,
    );
  }
  if (command.confidential && !command.confidentialGround?.trim()) {
    throw new InvalidCommandError(
      'LEGAL_GROUND_REQUIRED',
      'A confidential decision needs the legal ground for not disclosing it.',
    );
  }
  for (const [name, value] of Object.entries(command.plannedDates ?? {})) {
    if (value !== undefined && !DATE.test(value)) {
      throw new InvalidCommandError('INVALID_DATE', `plannedDates.${name} must be a date written YYYY-MM-DD.`);
    }
  }
}

/**
 * Registration → events. A non-confidential decision enters the public catalogue (DecisionRegistered,
 * public); a confidential one leaves the public log empty (SPEC.md §3.8).
 */
export function registerDecision(
  state: DecisionState,
  command: RegisterDecision,
  actor: StaffActor,
  now: Date,
): StepEvents {
  assertCanRegister(state, command, actor);
  const occurredAt = now.toISOString();
  const { title, summary, unit, category, riskAssessmentRequired, plannedDates } = command;
  const publicData = { title, summary, unit, category, riskAssessmentRequired, plannedDates: plannedDates ?? {} };
  return {
    public: command.confidential
      ? []
      : [
          {
            seq: state.publicSeq + 1,
            type: 'DecisionRegistered',
            occurredAt,
            actor: publicActor(actor),
            data: publicData,
          },
        ],
    internal: [
      {
        seq: state.internalSeq + 1,
        type: 'DecisionRegistered',
        occurredAt,
        actor,
        data: {
          ...publicData,
          confidential: command.confidential,
          confidentialGround: command.confidentialGround ?? null,
        },
      },
    ],
  };
}

/** The state after a registration was appended. */
export function applyRegistration(state: DecisionState, command: RegisterDecision): DecisionState {
  return {
    ...state,
    registered: true,
    stage: 'drafting',
    unit: command.unit,
    title: command.title,
    confidential: command.confidential,
    riskAssessmentRequired: command.riskAssessmentRequired,
  };
}
