import {
  allHandlersFinished,
  condition,
  continueAsNew,
  makeContinueAsNewFunc,
  patched,
  setCurrentDetails,
  workflowInfo,
} from '@temporalio/workflow';
import { DEFAULT_POLICY, nextWake } from '../libs/domain/src';
import type { DecisionWorkflowInput } from './definitions';
import { openDecisionRun } from './decision-run';
import { operatorLine } from './operator-line';

/** A workflow started without a registration ends by itself after this long. */
const REGISTRATION_WINDOW = '1 hour';
/** A run continues as new once its history is this long (or the server suggests it), at a quiet point. */
const MAX_RUN_HISTORY_EVENTS = 2_000;
/** Patch id: the opinions of a sealed consultation are clustered right after ConsultationClosed. */
const CLUSTER_AFTER_SEAL = 'cluster-after-seal';
/** Patch id: a decision in execution checks its recent opinions against the evaluation trigger. */
const EVALUATION_OPINION_TRIGGER = 'evaluation-opinion-trigger';
/** Patch id: a run that reaches execution continues as new (recorded histories before it do not). */
const CONTINUE_AS_NEW_AT_EXECUTION = 'continue-as-new-at-execution';
/**
 * Patch id: a closed decision's run stays, waiting for the actions allowed in `closed` (accountability)
 * and refusing others with ILLEGAL_TRANSITION (ADR 28). Asked only once the decision is closed.
 */
const STAY_WHEN_CLOSED = 'stay-addressable-when-closed';
/**
 * Patch id: a run continues as new with its memo (title, unit, category: what operators see in the Web
 * UI, ADR 124) given explicitly, instead of relying on the server to copy a memo the command left unset.
 */
const CARRY_OPERATOR_SUMMARY = 'carry-operator-summary';

/**
 * One decision's whole life (SPEC.md §3). It is registered; then staff actions (Updates, workflows/
 * decision-run.ts) and deadlines move it through the stages of libs/domain's LIFECYCLE. The run sleeps
 * until its next wake (`nextWake`: a deadline, or in execution the opinions trigger's check) or the next
 * staff step, whichever comes first; execution starts in a fresh run, and a closed decision stays.
 */
export async function decisionWorkflow(input: DecisionWorkflowInput): Promise<void> {
  const run = openDecisionRun(input);
  // The static summary belongs to the first run (Temporal SDK 1.24 cannot set it on continue-as-new):
  // every run shows the same line as its current details (the Web UI's "current details"). No command.
  const line = operatorLine(workflowInfo().memo);
  if (line) setCurrentDetails(line);
  if (!(await condition(() => run.state.registered, REGISTRATION_WINDOW))) return;

  const runStartedIn = run.state.stage;
  // Runs recorded before the check existed have no such field in their policy.
  const checkEveryMs =
    (run.policy.evaluationTriggerCheckHours ?? DEFAULT_POLICY.evaluationTriggerCheckHours) * 3_600_000;
  let triggerCheckAt: number | undefined;
  let clustering: Promise<void> | undefined;
  while (run.state.stage !== 'closed' || patched(STAY_WHEN_CLOSED)) {
    const seen = run.steps;
    const stepped = (): boolean => run.steps !== seen;
    triggerCheckAt =
      run.state.stage === 'execution' && patched(EVALUATION_OPINION_TRIGGER)
        ? (triggerCheckAt ?? Date.now() + checkEveryMs)
        : undefined;
    const wake = nextWake(run.state, Date.now(), triggerCheckAt);
    if (!wake) {
      await condition(stepped);
    } else if (!(wake.wait > 0 && (await condition(stepped, wake.wait)))) {
      if (!wake.timer) {
        await run.checkEvaluationTrigger();
        triggerCheckAt = Date.now() + checkEveryMs;
      } else {
        await run.fire(wake.timer);
        // In the background: clustering a large consultation takes minutes, and other deadlines go on.
        if (wake.timer.kind === 'consultation_closes' && run.state.stage === 'feedback' && patched(CLUSTER_AFTER_SEAL))
          clustering = run.clusterOpinions();
      }
    }
    // Execution lasts years: it starts in a fresh run. Added after decisions were running, hence the patch.
    const enteredExecution =
      run.state.stage === 'execution' && runStartedIn !== 'execution' && patched(CONTINUE_AS_NEW_AT_EXECUTION);
    if (
      enteredExecution ||
      workflowInfo().continueAsNewSuggested ||
      workflowInfo().historyLength > MAX_RUN_HISTORY_EVENTS
    ) {
      await clustering;
      await condition(allHandlersFinished);
      const appliedUpdates = run.appliedUpdates();
      const { memo } = workflowInfo();
      const next =
        memo && Object.keys(memo).length > 0 && patched(CARRY_OPERATOR_SUMMARY)
          ? makeContinueAsNewFunc<typeof decisionWorkflow>({ memo })
          : continueAsNew<typeof decisionWorkflow>;
      await next({
        decisionId: run.state.decisionId,
        state: run.state,
        policy: run.policy,
        ...(appliedUpdates.length > 0 ? { appliedUpdates } : {}),
      });
    }
  }
  await clustering;
  await condition(allHandlersFinished);
}
