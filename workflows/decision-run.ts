import { log, patched, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import {
  ACTIONS,
  afterAppend,
  applyCalendar,
  applyRegistration,
  assertCanRegister,
  DEFAULT_POLICY,
  dueTimers,
  evaluationTriggeredByOpinions,
  evaluationTriggerSince,
  fireTimer,
  initialState,
  performAction,
  registerDecision,
  statusOf,
  SYSTEM_ACTOR,
  toStep,
  type ActionContext,
  type DecisionState,
  type DueTimer,
  type Outcome,
  type Policy,
  type RegisterDecision,
  type StepEvents,
} from '../libs/domain/src';
import {
  analysis,
  appendEvents,
  CONFIDENTIAL_PUBLIC_SUMMARY,
  local,
  REMEMBER_KEYED_UPDATES,
  SEAL_CONSULTATION,
  WORKING_DAY_CALENDAR,
} from './decision-activities';
import {
  actionUpdate,
  calendarChangedSignal,
  getStateQuery,
  registerUpdate,
  type DecisionWorkflowInput,
  type StaffCommand,
} from './definitions';
import { createExclusive } from './exclusive';
import { createRememberedUpdates } from './remembered-updates';
import { asFailure } from './failures';
import { ConfidentialKey, DecisionStageKey, NextDueAtKey, PolicyUnitKey } from './search-attributes';

/** One run of a decision's workflow: its state and the steps the main loop of `decisionWorkflow` takes. */
export interface DecisionRun {
  readonly state: DecisionState;
  readonly policy: Policy;
  /** How many steps this run has committed; the main loop wakes when it changes. */
  readonly steps: number;
  /** Fires a deadline unless a step in between moved or removed it. */
  fire(timer: DueTimer): Promise<unknown>;
  /** Counts the recent execution-stage opinions against the evaluation trigger (art.36, ADR 14). */
  checkEvaluationTrigger(): Promise<unknown>;
  /** Clusters the sealed opinions in the background; staff can work on clusters once this is done. */
  clusterOpinions(): Promise<void>;
  /** Ids of recent keyed updates, carried to the next run. */
  appliedUpdates(): string[];
}

/**
 * Sets up a run: the state query, the calendar, the registration and one Update per staff action (whose
 * validator applies the pure rule from libs/domain; whose handler appends the step's events through
 * `appendEvents` and only then changes the state it returns). Trap: the handlers are set in this order
 * and the calendar load is queued first on the lock; recorded histories depend on it.
 */
export function openDecisionRun(input: DecisionWorkflowInput): DecisionRun {
  let state: DecisionState = input.state ?? initialState(input.decisionId);
  const policy = input.policy ?? DEFAULT_POLICY;
  const exclusive = createExclusive();
  const applied = createRememberedUpdates(input.appliedUpdates);
  let steps = 0;
  /** Whether this update was applied in an earlier run (checked under the lock, after any in flight). */
  const appliedBefore = (): boolean => applied.seen() && patched(REMEMBER_KEYED_UPDATES);
  const systemContext = (): ActionContext => ({ actor: SYSTEM_ACTOR, now: new Date(), policy });

  const commit = async (events: StepEvents, next: DecisionState): Promise<DecisionState> => {
    await appendEvents({ decisionId: state.decisionId, ...events });
    state = next;
    steps += 1;
    const nextDueAt = statusOf(state).nextDueAt;
    upsertSearchAttributes([
      { key: DecisionStageKey, value: state.stage },
      { key: NextDueAtKey, value: nextDueAt ? new Date(nextDueAt) : null },
    ]);
    return state;
  };
  /** A step of the system (deadline, trigger, calendar): numbered and committed like a staff step. */
  const commitSystem = async (outcome: Outcome | undefined, context: ActionContext): Promise<void> => {
    if (!outcome) return;
    const step = toStep(state, outcome, context);
    await commit(step.events, step.state);
  };

  setHandler(getStateQuery, () => state);

  // Queued first on the lock: every step of this run counts on the recorded calendar.
  if (!state.calendar && patched(WORKING_DAY_CALENDAR)) {
    void exclusive(async () => {
      state = { ...state, calendar: await local.loadCalendar({}) };
    });
  }

  /** A calendar change (ADR 23): applied once per version; moved deadlines re-target the timer loop. */
  setHandler(calendarChangedSignal, ({ version }) =>
    exclusive(async () => {
      if (!state.registered || (state.calendar && state.calendar.version >= version)) return;
      const calendar = await local.loadCalendar({});
      const context = systemContext();
      await commitSystem(applyCalendar(state, calendar, context), context);
    }),
  );

  setHandler(
    registerUpdate,
    ({ actor, command }) =>
      exclusive(async () => {
        if (appliedBefore()) return state;
        // Re-checked under the lock: a concurrent update may have changed the state since validation.
        const events = asFailure(() => registerDecision(state, command, actor, new Date()));
        await appendEvents({ decisionId: state.decisionId, ...events });
        state = applyRegistration(afterAppend(state, events), command);
        upsertSearchAttributes([
          { key: DecisionStageKey, value: state.stage },
          { key: PolicyUnitKey, value: state.unit },
          { key: ConfidentialKey, value: state.confidential },
        ]);
        applied.remember();
        return state;
      }),
    {
      validator: ({ actor, command }: StaffCommand<RegisterDecision>) => {
        if (!applied.seen()) asFailure(() => assertCanRegister(state, command, actor));
      },
    },
  );

  for (const action of ACTIONS) {
    setHandler(
      actionUpdate(action.name),
      ({ actor, command }) =>
        exclusive(async () => {
          if (appliedBefore()) return state;
          // Publications accepted before the rule asked for a public title and summary replay without them.
          const legacy =
            action.name === 'publish-decision' && state.confidential && !patched(CONFIDENTIAL_PUBLIC_SUMMARY)
              ? { publicSummaryOptional: true }
              : undefined;
          const step = asFailure(() =>
            performAction(action.name, state, command, { actor, now: new Date(), policy, legacy }),
          );
          const next = await commit(step.events, step.state);
          applied.remember();
          return next;
        }),
      {
        validator: ({ actor, command }: StaffCommand<Record<string, unknown>>) => {
          if (!applied.seen())
            asFailure(() => performAction(action.name, state, command, { actor, now: new Date(), policy }));
        },
      },
    );
  }

  return {
    get state() {
      return state;
    },
    policy,
    get steps() {
      return steps;
    },
    fire: (timer) =>
      exclusive(async () => {
        const still = dueTimers(state).find((t) => t.key === timer.key && t.at === timer.at);
        if (!still || Date.parse(still.at) > Date.now()) return;
        const sealed =
          still.kind === 'consultation_closes' && patched(SEAL_CONSULTATION)
            ? { counts: await local.sealConsultation({ decisionId: state.decisionId }) }
            : undefined;
        const context = systemContext();
        await commitSystem(fireTimer(state, still, context, sealed), context);
      }),
    // Opinions live in the database, so the workflow counts them through an activity.
    checkEvaluationTrigger: () =>
      exclusive(async () => {
        if (state.stage !== 'execution') return;
        const opinions = await local.countExecutionOpinions({
          decisionId: state.decisionId,
          since: evaluationTriggerSince(state, new Date()),
        });
        const context = systemContext();
        await commitSystem(evaluationTriggeredByOpinions(state, opinions, context), context);
      }),
    clusterOpinions: async () => {
      try {
        await analysis.clusterOpinions({ decisionId: state.decisionId });
      } catch (error) {
        // Staff are told the clusters are not ready; the answers to single opinions still work.
        log.error('clustering failed', { decisionId: state.decisionId, error: String(error) });
      }
    },
    appliedUpdates: () => applied.list(),
  };
}
