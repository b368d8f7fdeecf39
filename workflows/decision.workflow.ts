import {
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
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
  perform,
  registerDecision,
  statusOf,
  SYSTEM_ACTOR,
  toStep,
  type DecisionState,
  type DueTimer,
  type RegisterDecision,
  type StepEvents,
} from '../libs/domain/src';
import type { RetryPolicy } from '@temporalio/common';
import type { DecisionActivities } from './activities';
import { actionUpdate, calendarChangedSignal, getStateQuery, registerUpdate, type DecisionWorkflowInput, type StaffCommand } from './definitions';
import { createExclusive } from './exclusive';
import { createRememberedUpdates } from './remembered-updates';
import { asFailure } from './failures';
import { ConfidentialKey, DecisionStageKey, NextDueAtKey, PolicyUnitKey } from './search-attributes';

const APPEND_RETRY: RetryPolicy = { initialInterval: '1 second', maximumInterval: '30 seconds', nonRetryableErrorTypes: ['LogConflictError'] };
const remote = proxyActivities<DecisionActivities>({ startToCloseTimeout: '30 seconds', retry: APPEND_RETRY });
const local = proxyLocalActivities<DecisionActivities>({ startToCloseTimeout: '30 seconds', localRetryThreshold: '10 seconds', retry: APPEND_RETRY });

/** Clustering a large consultation takes minutes: a regular activity with heartbeats. */
const analysis = proxyActivities<DecisionActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', maximumAttempts: 10 },
});

/** Patch id: the opinions of a sealed consultation are clustered right after ConsultationClosed. */
const CLUSTER_AFTER_SEAL = 'cluster-after-seal';

/** Patch id: a decision in execution checks its recent opinions against the evaluation trigger. */
const EVALUATION_OPINION_TRIGGER = 'evaluation-opinion-trigger';

/** Patch id: the consultation is sealed (window closed, counts frozen) before ConsultationClosed. */
const SEAL_CONSULTATION = 'seal-consultation';

/** Patch id: the log append runs as a local activity (in the workflow task, no task-queue round trip). */
const APPEND_AS_LOCAL_ACTIVITY = 'append-events-as-local-activity';

/**
 * Appends one step's events. A local activity since the patch: the append is a short, idempotent
 * database transaction, and a round trip through the task queue cost ~90 ms per staff action
 * (docs/benchmarks.md). Runs recorded before the patch keep the regular activity.
 */
function appendEvents(input: Parameters<DecisionActivities['appendEvents']>[0]): Promise<void> {
  return patched(APPEND_AS_LOCAL_ACTIVITY) ? local.appendEvents(input) : remote.appendEvents(input);
}

/**
 * Patch id: the run counts working days on a calendar recorded in its state (loaded by an activity when
 * the run starts, replaced on a calendar change), not on package data (ADR 23). Runs recorded before it
 * count on `FROZEN_CALENDAR` until a calendar change reaches them.
 */
const WORKING_DAY_CALENDAR = 'working-day-calendar';

/**
 * Patch id: an update whose Idempotency-Key id this decision already applied (in an earlier run, before
 * a continue-as-new) answers the current state instead of being applied again.
 */
const REMEMBER_KEYED_UPDATES = 'remember-keyed-updates';

/** A workflow started without a registration ends by itself after this long. */
const REGISTRATION_WINDOW = '1 hour';

/** A run continues as new once its history is this long (or the server suggests it), at a quiet point. */
const MAX_RUN_HISTORY_EVENTS = 2_000;

/** Patch id: a run that reaches execution continues as new (recorded histories before it do not). */
const CONTINUE_AS_NEW_AT_EXECUTION = 'continue-as-new-at-execution';

/**
 * Patch id: a closed decision's run stays, waiting for the actions allowed in `closed` (accountability)
 * and refusing others with ILLEGAL_TRANSITION (ADR 28). Before it, the run ended at `closed` and every
 * later action found no workflow. Asked only once the decision is closed, so earlier histories replay.
 */
const STAY_WHEN_CLOSED = 'stay-addressable-when-closed';

/** Patch id: a confidential decision's publication carries the approved public title and summary (ADR 29). */
const CONFIDENTIAL_PUBLIC_SUMMARY = 'confidential-public-summary';

/**
 * One decision's whole life (SPEC.md §3). Every staff action is an Update whose validator applies the
 * pure rule from libs/domain; the handler appends the step's events (public and internal log, read
 * models) through `appendEvents` and only then changes the state it returns. Deadlines are durable
 * timers computed from the state (`dueTimers`); when one passes, the system performs its step.
 */
export async function decisionWorkflow(input: DecisionWorkflowInput): Promise<void> {
  let state: DecisionState = input.state ?? initialState(input.decisionId);
  const policy = input.policy ?? DEFAULT_POLICY;
  const exclusive = createExclusive();
  const applied = createRememberedUpdates(input.appliedUpdates);
  let steps = 0;
  /** Whether this update was applied in an earlier run (checked under the lock, after any in flight). */
  const appliedBefore = (): boolean => applied.seen() && patched(REMEMBER_KEYED_UPDATES);

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
      const context = { actor: SYSTEM_ACTOR, now: new Date(), policy };
      const outcome = applyCalendar(state, calendar, context);
      if (!outcome) return;
      const step = toStep(state, outcome, context);
      await commit(step.events, step.state);
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
          const legacy = action.name === 'publish-decision' && state.confidential && !patched(CONFIDENTIAL_PUBLIC_SUMMARY) ? { publicSummaryOptional: true } : undefined;
          const step = asFailure(() => perform(action, state, command as never, { actor, now: new Date(), policy, legacy }));
          const next = await commit(step.events, step.state);
          applied.remember();
          return next;
        }),
      {
        validator: ({ actor, command }: StaffCommand<Record<string, unknown>>) => {
          if (!applied.seen()) asFailure(() => perform(action, state, command as never, { actor, now: new Date(), policy }));
        },
      },
    );
  }

  /** Fires a deadline unless a step in between moved or removed it. */
  const fire = (timer: DueTimer): Promise<unknown> =>
    exclusive(async () => {
      const still = dueTimers(state).find((t) => t.key === timer.key && t.at === timer.at);
      if (!still || Date.parse(still.at) > Date.now()) return;
      const sealed = still.kind === 'consultation_closes' && patched(SEAL_CONSULTATION) ? { counts: await local.sealConsultation({ decisionId: state.decisionId }) } : undefined;
      const context = { actor: SYSTEM_ACTOR, now: new Date(), policy };
      const step = toStep(state, fireTimer(state, still, context, sealed), context);
      await commit(step.events, step.state);
    });

  /**
   * Art.36: when the public sent more than `policy.evaluationTriggerOpinions` opinions on the execution
   * within 90 days, the evaluation starts. Opinions live in the database, so the workflow counts them.
   */
  const checkEvaluationTrigger = (): Promise<unknown> =>
    exclusive(async () => {
      if (state.stage !== 'execution') return;
      const opinions = await local.countExecutionOpinions({ decisionId: state.decisionId, since: evaluationTriggerSince(state, new Date()) });
      const context = { actor: SYSTEM_ACTOR, now: new Date(), policy };
      const outcome = evaluationTriggeredByOpinions(state, opinions, context);
      if (!outcome) return;
      const step = toStep(state, outcome, context);
      await commit(step.events, step.state);
    });

  /** Clusters the sealed opinions; staff can work on clusters once this is done. */
  const clusterOpinions = async (): Promise<void> => {
    try {
      await analysis.clusterOpinions({ decisionId: state.decisionId });
    } catch (error) {
      // Staff are told the clusters are not ready; the answers to single opinions still work.
      log.error('clustering failed', { decisionId: state.decisionId, error: String(error) });
    }
  };

  if (!(await condition(() => state.registered, REGISTRATION_WINDOW))) return;

  const runStartedIn = state.stage;
  // Runs recorded before the check existed have no such field in their policy.
  const checkEveryMs = (policy.evaluationTriggerCheckHours ?? DEFAULT_POLICY.evaluationTriggerCheckHours) * 3_600_000;
  let nextCheckAt: number | undefined;
  let clustering: Promise<void> | undefined;
  while (state.stage !== 'closed' || patched(STAY_WHEN_CLOSED)) {
    const seen = steps;
    const [timer] = dueTimers(state);
    nextCheckAt = state.stage === 'execution' && patched(EVALUATION_OPINION_TRIGGER) ? (nextCheckAt ?? Date.now() + checkEveryMs) : undefined;
    const timerAt = timer ? Date.parse(timer.at) : undefined;
    const checkFirst = nextCheckAt !== undefined && (timerAt === undefined || nextCheckAt < timerAt);
    const wakeAt = checkFirst ? nextCheckAt : timerAt;
    if (wakeAt === undefined) {
      await condition(() => steps !== seen);
    } else {
      const wait = wakeAt - Date.now();
      const changed = wait > 0 && (await condition(() => steps !== seen, wait));
      if (!changed && checkFirst) {
        await checkEvaluationTrigger();
        nextCheckAt = Date.now() + checkEveryMs;
      } else if (!changed && timer) {
        await fire(timer);
        // In the background: clustering a large consultation takes minutes, and other deadlines go on.
        if (timer.kind === 'consultation_closes' && state.stage === 'feedback' && patched(CLUSTER_AFTER_SEAL)) clustering = clusterOpinions();
      }
    }
    // Execution lasts years: it starts in a fresh run. Added after decisions were running, hence the patch.
    const enteredExecution = state.stage === 'execution' && runStartedIn !== 'execution' && patched(CONTINUE_AS_NEW_AT_EXECUTION);
    if (enteredExecution || workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > MAX_RUN_HISTORY_EVENTS) {
      await clustering;
      await condition(allHandlersFinished);
      const appliedUpdates = applied.list();
      await continueAsNew<typeof decisionWorkflow>({ decisionId: state.decisionId, state, policy, ...(appliedUpdates.length > 0 ? { appliedUpdates } : {}) });
    }
  }
  await clustering;
  await condition(allHandlersFinished);
}
