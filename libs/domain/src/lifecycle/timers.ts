import { countWorkingDays, calendarOf } from '../calendar/working-calendar';
import type { DecisionState } from './decision-state';
import type { ActionContext, Outcome } from './decision-action';
import type { ConsultationCounts } from '../opinions/opinion';
import { changeStage } from './lifecycle';

/** A deadline the workflow keeps as a durable timer. `key` identifies it across runs. */
export interface DueTimer {
  key: string;
  at: string;
  kind:
    | 'consultation_opens'
    | 'consultation_closes'
    | 'review'
    | 'feedback'
    | 'publication'
    | 'milestone'
    | 'rectification'
    | 'evaluation';
  ref?: string;
}

/** Every timer the state implies, earliest first. Pure: the workflow sleeps until the first one. */
export function dueTimers(state: DecisionState): DueTimer[] {
  const timers: DueTimer[] = [];
  if (state.stage === 'pre_disclosure' && state.plan)
    timers.push({ key: 'opens', at: state.plan.opensAt, kind: 'consultation_opens' });
  if (state.stage === 'consultation' && state.consultation)
    timers.push({ key: 'closes', at: state.consultation.closesAt, kind: 'consultation_closes' });
  for (const r of state.reviews ?? [])
    if (!r.overdue) timers.push({ key: `review:${r.id}`, at: r.dueAt, kind: 'review', ref: r.id });
  if (state.stage === 'feedback' && state.feedback && !state.feedback.overdue)
    timers.push({ key: 'feedback', at: state.feedback.dueAt, kind: 'feedback' });
  if (state.adoption && !state.published && !state.adoption.overdue)
    timers.push({ key: 'publication', at: state.adoption.publicationDueAt, kind: 'publication' });
  if (state.stage === 'execution' || state.stage === 'evaluation') {
    for (const m of state.milestones ?? [])
      if (m.percent < 100 && !m.overdue)
        timers.push({ key: `milestone:${m.id}`, at: m.dueAt, kind: 'milestone', ref: m.id });
  }
  for (const f of state.findings ?? [])
    if (!f.rectified && !f.overdue)
      timers.push({ key: `finding:${f.id}`, at: f.rectificationDueAt, kind: 'rectification', ref: f.id });
  if (state.stage === 'execution' && state.evaluation?.dueAt && !state.evaluation.startedAt) {
    timers.push({ key: 'evaluation', at: state.evaluation.dueAt, kind: 'evaluation' });
  }
  return timers.sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * What happens when a deadline passes. The actor is the system. `sealed` carries the counts the seal
 * froze when the consultation closes (absent in histories from before the seal existed).
 */
export function fireTimer(
  state: DecisionState,
  timer: DueTimer,
  { now, policy }: ActionContext,
  sealed?: { counts: ConsultationCounts },
): Outcome {
  switch (timer.kind) {
    case 'consultation_opens': {
      const plan = state.plan!;
      const data = { opensAt: plan.opensAt, closesAt: plan.closesAt, channels: plan.channels };
      return {
        state: {
          ...changeStage(state, 'timer: consultation opens'),
          consultation: { opensAt: plan.opensAt, closesAt: plan.closesAt, extensions: 0 },
        },
        public: [{ type: 'ConsultationOpened', data }],
        internal: { type: 'ConsultationOpened', data },
      };
    }
    case 'consultation_closes': {
      const { at, count } = countWorkingDays(now, policy.feedbackDueWorkingDays, calendarOf(state));
      const feedback = { dueAt: at.toISOString(), overdue: false, ...(state.calendar ? { counted: count } : {}) };
      const data = {
        closedAt: state.consultation!.closesAt,
        feedbackDueAt: feedback.dueAt,
        ...(state.calendar ? { feedbackDueCount: count } : {}),
        ...(sealed ? { counts: sealed.counts } : {}),
      };
      return {
        state: { ...changeStage(state, 'timer: consultation closes'), feedback },
        public: [{ type: 'ConsultationClosed', data }],
        internal: { type: 'ConsultationClosed', data },
      };
    }
    case 'review': {
      const reviews = (state.reviews ?? []).map((r) => (r.id === timer.ref ? { ...r, overdue: true } : r));
      return {
        state: { ...state, reviews },
        public: [],
        internal: { type: 'ReviewOverdue', data: { reviewId: timer.ref } },
      };
    }
    case 'feedback':
      return {
        state: { ...state, feedback: { ...state.feedback!, overdue: true } },
        public: [],
        internal: { type: 'FeedbackOverdue', data: { dueAt: timer.at } },
      };
    case 'publication':
      return {
        state: { ...state, adoption: { ...state.adoption!, overdue: true } },
        public: [],
        internal: { type: 'PublicationOverdue', data: { dueAt: timer.at } },
      };
    case 'milestone': {
      const milestone = (state.milestones ?? []).find((m) => m.id === timer.ref)!;
      const milestones = (state.milestones ?? []).map((m) => (m.id === timer.ref ? { ...m, overdue: true } : m));
      const data = {
        milestoneId: milestone.id,
        title: milestone.title,
        dueAt: milestone.dueAt,
        percent: milestone.percent,
      };
      return {
        state: { ...state, milestones },
        public: [{ type: 'MilestoneOverdue', data }],
        internal: { type: 'MilestoneOverdue', data },
      };
    }
    case 'rectification': {
      const findings = (state.findings ?? []).map((f) => (f.id === timer.ref ? { ...f, overdue: true } : f));
      return {
        state: { ...state, findings },
        public: [],
        internal: { type: 'RectificationOverdue', data: { findingId: timer.ref, dueAt: timer.at } },
      };
    }
    case 'evaluation': {
      const data = { trigger: 'scheduled', evaluatorUnit: null };
      return {
        state: {
          ...changeStage(state, 'timer: evaluation date'),
          evaluation: { ...state.evaluation, startedAt: now.toISOString() },
        },
        public: [{ type: 'EvaluationStarted', data }],
        internal: { type: 'EvaluationStarted', data },
      };
    }
  }
}

/** Execution-stage opinions count toward the evaluation trigger within this many days (SPEC.md §3.7). */
export const EVALUATION_TRIGGER_WINDOW_DAYS = 90;

/**
 * From when execution-stage opinions count toward the trigger at `now`: the last 90 days, but never
 * before the last evaluation concluded (its opinions have been weighed already).
 */
export function evaluationTriggerSince(state: DecisionState, now: Date): string {
  const window = new Date(now.getTime() - EVALUATION_TRIGGER_WINDOW_DAYS * 86_400_000).toISOString();
  const floor = state.evaluation?.opinionsCountedFrom;
  return floor && floor > window ? floor : window;
}

/**
 * The public raised many opinions on the execution (Decree 713 art.36): when more than
 * `policy.evaluationTriggerOpinions` arrived in the window, the evaluation starts, with that trigger.
 * Undefined when it does not (or the decision is not in execution any more).
 */
export function evaluationTriggeredByOpinions(
  state: DecisionState,
  opinions: number,
  { now, policy }: ActionContext,
): Outcome | undefined {
  if (state.stage !== 'execution' || state.evaluation?.startedAt || opinions <= policy.evaluationTriggerOpinions)
    return undefined;
  const data = {
    trigger: 'opinions',
    evaluatorUnit: null,
    opinions,
    since: evaluationTriggerSince(state, now),
    threshold: policy.evaluationTriggerOpinions,
  };
  return {
    state: {
      ...changeStage(state, 'timer: evaluation trigger (opinions)'),
      evaluation: { ...state.evaluation, startedAt: now.toISOString() },
    },
    public: [{ type: 'EvaluationStarted', data }],
    internal: { type: 'EvaluationStarted', data },
  };
}

/**
 * What the workflow waits for next: the earliest deadline, or the evaluation trigger's check (`timer`
 * absent) when that comes strictly first. `triggerCheckAt` is when the run checks the opinions next
 * (epoch ms; undefined outside execution). `wait` is how long from `now`; zero or less means it is due.
 * Undefined when nothing is scheduled: the run waits for the next step. Pure.
 */
export interface Wake {
  at: number;
  wait: number;
  timer?: DueTimer;
}

export function nextWake(state: DecisionState, now: number, triggerCheckAt?: number): Wake | undefined {
  const [timer] = dueTimers(state);
  const timerAt = timer ? Date.parse(timer.at) : undefined;
  if (triggerCheckAt !== undefined && (timerAt === undefined || triggerCheckAt < timerAt))
    return { at: triggerCheckAt, wait: triggerCheckAt - now };
  return timer && timerAt !== undefined ? { at: timerAt, wait: timerAt - now, timer } : undefined;
}
