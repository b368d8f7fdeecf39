import type { DecisionState } from './decision-state';
import { IllegalTransitionError } from '../errors/errors';
import type { Stage } from './stages';

/**
 * What moves a decision from one stage to the next: a staff action (with the outcome that decides the
 * move, where one action leads to different stages), an approved submission (by kind and, for an
 * evaluation report, conclusion), or the system (a deadline or the opinions trigger).
 */
export type StageTrigger =
  | 'submit-for-decision'
  | 'approve draft'
  | 'approve feedback'
  | 'approve decision'
  | 'approve evaluation: continue'
  | 'approve evaluation: adjust'
  | 'approve evaluation: major adjustment'
  | 'approve evaluation: suspend'
  | 'approve evaluation: terminate'
  | 'collective-decision: rejected'
  | 'collective-decision: returned'
  | 'evaluation'
  | 'resume'
  | 'close'
  | 'timer: consultation opens'
  | 'timer: consultation closes'
  | 'timer: evaluation date'
  | 'timer: evaluation trigger (opinions)';

export interface LifecycleRow {
  from: Stage;
  on: StageTrigger;
  to: Stage;
  /** What the move publishes on the public log (docs/lifecycle.md). */
  publicEvent: string;
}

/**
 * The lifecycle (SPEC.md §3) as one table: stage × trigger → next stage. Every stage change goes through
 * {@link changeStage}, which refuses a move that is not a row here. docs/lifecycle.md's table is
 * generated from it (`npm run docs:lifecycle`).
 */
export const LIFECYCLE: readonly LifecycleRow[] = [
  { from: 'drafting', on: 'approve draft', to: 'pre_disclosure', publicEvent: 'DraftPublished' },
  { from: 'drafting', on: 'submit-for-decision', to: 'deciding', publicEvent: '— (confidential)' },
  { from: 'pre_disclosure', on: 'timer: consultation opens', to: 'consultation', publicEvent: 'ConsultationOpened' },
  { from: 'consultation', on: 'timer: consultation closes', to: 'feedback', publicEvent: 'ConsultationClosed' },
  { from: 'feedback', on: 'approve feedback', to: 'deciding', publicEvent: 'FeedbackPublished' },
  { from: 'deciding', on: 'approve decision', to: 'execution', publicEvent: 'DecisionPublished, MilestonePlanned…' },
  {
    from: 'deciding',
    on: 'collective-decision: rejected',
    to: 'closed',
    publicEvent: 'DecisionRejected (not if confidential)',
  },
  {
    from: 'deciding',
    on: 'collective-decision: returned',
    to: 'drafting',
    publicEvent: 'DecisionReturned (not if confidential)',
  },
  { from: 'execution', on: 'evaluation', to: 'evaluation', publicEvent: 'EvaluationStarted `trigger: manager`' },
  {
    from: 'execution',
    on: 'timer: evaluation date',
    to: 'evaluation',
    publicEvent: 'EvaluationStarted `trigger: scheduled`',
  },
  {
    from: 'execution',
    on: 'timer: evaluation trigger (opinions)',
    to: 'evaluation',
    publicEvent: 'EvaluationStarted `trigger: opinions`',
  },
  { from: 'execution', on: 'close', to: 'closed', publicEvent: 'DecisionClosed' },
  { from: 'evaluation', on: 'approve evaluation: continue', to: 'execution', publicEvent: 'EvaluationPublished' },
  {
    from: 'evaluation',
    on: 'approve evaluation: adjust',
    to: 'execution',
    publicEvent: 'EvaluationPublished, DecisionAdjusted, MilestonePlanned…',
  },
  {
    from: 'evaluation',
    on: 'approve evaluation: major adjustment',
    to: 'drafting',
    publicEvent: 'EvaluationPublished, DecisionAdjusted `major`',
  },
  {
    from: 'evaluation',
    on: 'approve evaluation: suspend',
    to: 'suspended',
    publicEvent: 'EvaluationPublished, DecisionSuspended',
  },
  {
    from: 'evaluation',
    on: 'approve evaluation: terminate',
    to: 'closed',
    publicEvent: 'EvaluationPublished, DecisionTerminated',
  },
  { from: 'suspended', on: 'resume', to: 'execution', publicEvent: 'DecisionResumed' },
  { from: 'suspended', on: 'close', to: 'closed', publicEvent: 'DecisionClosed' },
];

/** The row for `trigger` in `from`, if the lifecycle has one. */
export function lifecycleRow(from: Stage, trigger: StageTrigger): LifecycleRow | undefined {
  return LIFECYCLE.find((row) => row.from === from && row.on === trigger);
}

/**
 * The one way a stage changes: `state` in the stage its row names. Throws IllegalTransitionError (409)
 * when the lifecycle has no such row, so a rule can never move a decision along an edge nobody drew.
 */
export function changeStage<S extends DecisionState>(state: S, trigger: StageTrigger): S {
  const row = lifecycleRow(state.stage, trigger);
  if (!row)
    throw new IllegalTransitionError(`The lifecycle has no move from ${state.stage} on ${trigger}.`, {
      stage: state.stage,
      trigger,
    });
  return { ...state, stage: row.to };
}
