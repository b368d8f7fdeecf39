import type { DecisionState, Milestone, PendingReview } from './decision-state';
import { weightedProgress } from './decision-status';
import type { ActionContext, Outcome } from './decision-action';
import type { PublicEventType } from '../log/public-log';
import { changeStage } from './lifecycle';

type PublicEvent = { type: PublicEventType; data: Record<string, unknown> };

export interface MilestoneInput {
  title: string;
  unit: string;
  dueAt: string;
  weight: number;
}

export function planMilestones(
  state: DecisionState,
  inputs: MilestoneInput[],
): { milestones: Milestone[]; events: PublicEvent[] } {
  const existing = state.milestones ?? [];
  const added = inputs.map((input, index) => ({
    id: `m${existing.length + index + 1}`,
    ...input,
    percent: 0,
    overdue: false,
  }));
  return {
    milestones: [...existing, ...added],
    events: added.map((m) => ({
      type: 'MilestonePlanned',
      data: { milestoneId: m.id, title: m.title, unit: m.unit, dueAt: m.dueAt, weight: m.weight },
    })),
  };
}

/** What an approved submission publishes, by kind. Pure; `approve` wraps it. */
export function publish(
  state: DecisionState,
  review: PendingReview,
  { now }: ActionContext,
): Pick<Outcome, 'state' | 'public'> {
  const p = review.payload;
  switch (review.kind) {
    case 'draft': {
      const plan = state.plan!;
      const draft = state.draft!;
      const consultation = {
        channels: plan.channels,
        opensAt: plan.opensAt,
        closesAt: plan.closesAt,
        shortenedReason: plan.shortenedReason ?? null,
      };
      return {
        state: changeStage(state, 'approve draft'),
        public: [
          {
            type: 'DraftPublished',
            data: {
              version: draft.version,
              draft: draft.draft,
              basis: draft.basis,
              explanation: draft.explanation,
              consultation,
            },
          },
        ],
      };
    }
    case 'feedback': {
      const { feedback: _done, ...rest } = state;
      return { state: changeStage(rest, 'approve feedback'), public: [{ type: 'FeedbackPublished', data: { ...p } }] };
    }
    case 'decision': {
      const { milestones, events } = planMilestones(state, p['milestones'] as MilestoneInput[]);
      const published = { publishedAt: now.toISOString(), executionUnit: String(p['executionUnit']) };
      const { milestones: _m, ...publicData } = p;
      return {
        state: {
          ...changeStage(state, 'approve decision'),
          published,
          milestones,
          evaluation: { dueAt: String(p['evaluationDueAt']) },
        },
        public: [{ type: 'DecisionPublished', data: publicData }, ...events],
      };
    }
    case 'progress': {
      const milestones = (state.milestones ?? []).map((m) =>
        m.id === p['milestoneId'] ? { ...m, percent: Number(p['percent']) } : m,
      );
      const next = { ...state, milestones };
      const events: PublicEvent[] = [
        { type: 'ProgressReported', data: { ...p, overallProgress: weightedProgress(next) } },
      ];
      if (Number(p['percent']) === 100)
        events.push({ type: 'MilestoneCompleted', data: { milestoneId: p['milestoneId'] } });
      return { state: next, public: events };
    }
    case 'evaluation':
      return publishEvaluation(state, p, now);
  }
}

function publishEvaluation(
  state: DecisionState,
  p: Record<string, unknown>,
  now: Date,
): Pick<Outcome, 'state' | 'public'> {
  const report: PublicEvent = {
    type: 'EvaluationPublished',
    data: { conclusion: p['conclusion'], report: p['report'] },
  };
  const closedEvaluation = { ...state, evaluation: { opinionsCountedFrom: now.toISOString() } };
  switch (p['conclusion']) {
    case 'continue':
      return { state: changeStage(closedEvaluation, 'approve evaluation: continue'), public: [report] };
    case 'adjust': {
      if (p['majorAdjustment'] === true) {
        // A major adjustment follows the whole procedure again (Decree 713 art.37).
        const {
          plan: _p,
          consultation: _c,
          feedback: _f,
          legalityReview: _l,
          adoption: _a,
          published: _pub,
          ...rest
        } = closedEvaluation;
        return {
          state: { ...changeStage(rest, 'approve evaluation: major adjustment'), rounds: (state.rounds ?? 0) + 1 },
          public: [report, { type: 'DecisionAdjusted', data: { major: true, reason: p['adjustmentReason'] ?? null } }],
        };
      }
      const { milestones, events } = planMilestones(
        state,
        (p['revisedMilestones'] as MilestoneInput[] | undefined) ?? [],
      );
      return {
        state: {
          ...changeStage(closedEvaluation, 'approve evaluation: adjust'),
          milestones,
          evaluation: { ...closedEvaluation.evaluation, dueAt: p['nextEvaluationDueAt'] as string | undefined },
        },
        public: [
          report,
          { type: 'DecisionAdjusted', data: { major: false, reason: p['adjustmentReason'] ?? null } },
          ...events,
        ],
      };
    }
    case 'suspend':
      return {
        state: changeStage(closedEvaluation, 'approve evaluation: suspend'),
        public: [report, { type: 'DecisionSuspended', data: { since: now.toISOString() } }],
      };
    default:
      return {
        state: changeStage(closedEvaluation, 'approve evaluation: terminate'),
        public: [report, { type: 'DecisionTerminated', data: { at: now.toISOString() } }],
      };
  }
}
