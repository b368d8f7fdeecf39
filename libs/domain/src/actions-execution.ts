import { defineAction, requireInstant, requireText } from './decision-action';
import { DomainError, ForbiddenActionError, IllegalTransitionError, InvalidCommandError } from './errors';
import { planMilestones } from './publications';
import { addReview } from './reviews';
import { validateMilestones } from './actions-deciding';

export const addMilestones = defineAction<{ milestones: unknown[] }>({
  name: 'milestones',
  roles: ['drafter'],
  stages: ['execution'],
  summary: 'Plan more milestones (title, responsible unit, due date, weight).',
  decide(state, command) {
    const { milestones, events } = planMilestones(state, validateMilestones(command.milestones));
    return { state: { ...state, milestones }, public: events, internal: { type: 'MilestonesPlanned', data: { milestones: events.map((e) => e.data) } } };
  },
});

export interface ReportProgress {
  milestoneId: string;
  percent: number;
  narrative: string;
}

/** A progress report on one milestone; reviewed before publication like every execution report. */
export const reportProgress = defineAction<ReportProgress>({
  name: 'progress-reports',
  roles: ['drafter'],
  stages: ['execution'],
  summary: 'Report the progress of a milestone (percentage and narrative) for review and publication.',
  decide(state, command, context) {
    const milestone = (state.milestones ?? []).find((m) => m.id === command.milestoneId);
    if (!milestone) throw new DomainError('MILESTONE_NOT_FOUND', 'not_found', `No milestone ${String(command.milestoneId)}.`);
    const percent = Number(command.percent);
    if (!Number.isFinite(percent) || percent < milestone.percent || percent > 100) {
      throw new InvalidCommandError('INVALID_PERCENT', `percent must be between ${milestone.percent} (the last published value) and 100.`);
    }
    return addReview(state, 'progress', { milestoneId: milestone.id, percent, narrative: requireText(command.narrative, 'narrative') }, context);
  },
});

export interface RecordAuditFinding {
  finding: string;
  severity: 'low' | 'medium' | 'high';
  rectificationDueAt: string;
}

export const recordAuditFinding = defineAction<RecordAuditFinding>({
  name: 'audit-findings',
  roles: ['reviewer', 'manager'],
  stages: ['execution', 'evaluation', 'suspended'],
  summary: 'Publish an audit finding with its severity and rectification deadline.',
  decide(state, command) {
    if (!['low', 'medium', 'high'].includes(command.severity)) throw new InvalidCommandError('INVALID_SEVERITY', 'severity must be low, medium or high.');
    const finding = { id: `f${(state.findings ?? []).length + 1}`, rectificationDueAt: requireInstant(command.rectificationDueAt, 'rectificationDueAt').toISOString(), rectified: false, overdue: false };
    const data = { findingId: finding.id, finding: requireText(command.finding, 'finding'), severity: command.severity, rectificationDueAt: finding.rectificationDueAt };
    return { state: { ...state, findings: [...(state.findings ?? []), finding] }, public: [{ type: 'AuditFindingPublished', data }], internal: { type: 'AuditFindingPublished', data } };
  },
});

export interface ReportRectification {
  findingId: string;
  action: string;
  status: 'in_progress' | 'completed';
}

export const reportRectification = defineAction<ReportRectification>({
  name: 'rectifications',
  roles: ['drafter'],
  stages: ['execution', 'evaluation', 'suspended'],
  summary: 'Report what was done to rectify an audit finding.',
  decide(state, command) {
    const finding = (state.findings ?? []).find((f) => f.id === command.findingId);
    if (!finding) throw new DomainError('FINDING_NOT_FOUND', 'not_found', `No audit finding ${String(command.findingId)}.`);
    if (!['in_progress', 'completed'].includes(command.status)) throw new InvalidCommandError('INVALID_STATUS', 'status must be in_progress or completed.');
    const data = { findingId: finding.id, action: requireText(command.action, 'action'), status: command.status };
    const findings = (state.findings ?? []).map((f) => (f.id === finding.id ? { ...f, rectified: command.status === 'completed' } : f));
    return { state: { ...state, findings }, public: [{ type: 'RectificationReported', data }], internal: { type: 'RectificationReported', data } };
  },
});

export interface RecordAccountability {
  subject: string;
  measure: string;
  date: string;
}

/** Accountability (问责): who as unit or role — never a named person on the public log. */
export const recordAccountability = defineAction<RecordAccountability>({
  name: 'accountability',
  roles: ['manager'],
  stages: ['execution', 'evaluation', 'suspended', 'closed'],
  summary: 'Publish an accountability record: which unit or role, what measure, when.',
  decide(state, command) {
    const data = { subject: requireText(command.subject, 'subject', 200), measure: requireText(command.measure, 'measure', 5000), date: requireInstant(command.date, 'date').toISOString() };
    return { state, public: [{ type: 'AccountabilityPublished', data }], internal: { type: 'AccountabilityPublished', data } };
  },
});

export interface StartEvaluation {
  evaluatorUnit: string;
}

/** A manager starts the evaluation, or names the evaluator of one the schedule started (art.36). */
export const startEvaluation = defineAction<StartEvaluation>({
  name: 'evaluation',
  roles: ['manager'],
  stages: ['execution', 'evaluation'],
  summary: 'Start the post-decision evaluation (or name its evaluator); never the drafting unit.',
  decide(state, command, { now }) {
    const evaluatorUnit = requireText(command.evaluatorUnit, 'evaluatorUnit', 64);
    if (evaluatorUnit === state.unit) {
      throw new ForbiddenActionError('EVALUATOR_IS_DRAFTING_UNIT', 'The evaluation is not done by the unit that drafted the decision (Decree 713 art.36).');
    }
    if (state.stage === 'evaluation') {
      if (state.evaluation?.evaluatorUnit) throw new IllegalTransitionError('The evaluator is already named.');
      return { state: { ...state, evaluation: { ...state.evaluation, evaluatorUnit } }, public: [], internal: { type: 'EvaluatorNamed', data: { evaluatorUnit } } };
    }
    const data = { trigger: 'manager', evaluatorUnit };
    return {
      state: { ...state, stage: 'evaluation', evaluation: { ...state.evaluation, startedAt: now.toISOString(), evaluatorUnit } },
      public: [{ type: 'EvaluationStarted', data }],
      internal: { type: 'EvaluationStarted', data },
    };
  },
});

export interface SubmitEvaluationReport {
  conclusion: 'continue' | 'adjust' | 'suspend' | 'terminate';
  report: string;
  majorAdjustment?: boolean;
  adjustmentReason?: string;
  revisedMilestones?: unknown[];
  nextEvaluationDueAt?: string;
}

export const submitEvaluationReport = defineAction<SubmitEvaluationReport>({
  name: 'evaluation-report',
  roles: ['manager'],
  stages: ['evaluation'],
  summary: 'Submit the evaluation report and its conclusion (continue, adjust, suspend, terminate) for review.',
  decide(state, command, context) {
    if (!state.evaluation?.evaluatorUnit) throw new DomainError('EVALUATOR_REQUIRED', 'conflict', 'Name the evaluator first.');
    if (!['continue', 'adjust', 'suspend', 'terminate'].includes(command.conclusion)) {
      throw new InvalidCommandError('INVALID_CONCLUSION', 'conclusion must be continue, adjust, suspend or terminate.');
    }
    const payload = {
      conclusion: command.conclusion,
      report: requireText(command.report, 'report'),
      majorAdjustment: command.majorAdjustment === true,
      adjustmentReason: command.adjustmentReason ?? null,
      revisedMilestones: command.conclusion === 'adjust' ? validateMilestones(command.revisedMilestones ?? []) : [],
      nextEvaluationDueAt: command.nextEvaluationDueAt ? requireInstant(command.nextEvaluationDueAt, 'nextEvaluationDueAt').toISOString() : undefined,
    };
    return addReview(state, 'evaluation', payload, context);
  },
});

export const resumeExecution = defineAction<{ reason: string }>({
  name: 'resume',
  roles: ['manager'],
  stages: ['suspended'],
  summary: 'Resume the execution of a suspended decision.',
  decide(state, command) {
    const data = { reason: requireText(command.reason, 'reason', 2000) };
    return { state: { ...state, stage: 'execution' }, public: [{ type: 'DecisionResumed', data }], internal: { type: 'DecisionResumed', data } };
  },
});

export const closeDecision = defineAction<{ reason: string }>({
  name: 'close',
  roles: ['manager'],
  stages: ['execution', 'suspended'],
  summary: 'Close a suspended decision, or one whose execution is complete; its record is archived.',
  decide(state, command) {
    if (state.stage === 'execution' && (state.milestones ?? []).some((m) => m.percent < 100)) {
      throw new DomainError('EXECUTION_NOT_COMPLETE', 'conflict', 'Every milestone must be complete before the decision closes.');
    }
    const data = { reason: requireText(command.reason, 'reason', 2000) };
    return { state: { ...state, stage: 'closed' }, public: [{ type: 'DecisionClosed', data }], internal: { type: 'DecisionClosed', data } };
  },
});
