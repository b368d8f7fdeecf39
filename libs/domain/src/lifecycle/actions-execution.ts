import { defineAction } from './decision-action';
import { fieldOf, parseAs, read } from './command-schema-kit';
import { COMMAND_SCHEMAS, type CommandOf } from './command-schemas';
import { DomainError, ForbiddenActionError, IllegalTransitionError, InvalidCommandError } from '../errors/errors';
import { planMilestones } from './publications';
import { addReview } from './reviews';
import { changeStage } from './lifecycle';
import { validateMilestones } from './actions-deciding';

const S = COMMAND_SCHEMAS;

export const addMilestones = defineAction({
  name: 'milestones',
  roles: ['drafter'],
  stages: ['execution'],
  summary: 'Plan more milestones (title, responsible unit, due date, weight).',
  decide(state, command) {
    const { milestones, events } = planMilestones(state, validateMilestones(fieldOf(command, 'milestones')));
    return {
      state: { ...state, milestones },
      public: events,
      internal: { type: 'MilestonesPlanned', data: { milestones: events.map((e) => e.data) } },
    };
  },
});

export type ReportProgress = CommandOf<'progress-reports'>;

/** A progress report on one milestone; reviewed before publication like every execution report. */
export const reportProgress = defineAction({
  name: 'progress-reports',
  roles: ['drafter'],
  stages: ['execution'],
  summary: 'Report the progress of a milestone (percentage and narrative) for review and publication.',
  decide(state, command, context) {
    const schema = S['progress-reports'];
    const milestoneId = fieldOf(command, 'milestoneId');
    const milestone = (state.milestones ?? []).find((m) => m.id === milestoneId);
    if (!milestone) throw new DomainError('MILESTONE_NOT_FOUND', 'not_found', `No milestone ${String(milestoneId)}.`);
    const percent = schema.shape.percent.safeParse(fieldOf(command, 'percent'));
    if (!percent.success || percent.data < milestone.percent) {
      throw new InvalidCommandError(
        'INVALID_PERCENT',
        `percent must be between ${milestone.percent} (the last published value) and 100.`,
      );
    }
    return addReview(
      state,
      'progress',
      { milestoneId: milestone.id, percent: percent.data, narrative: read(schema, command, 'narrative') },
      context,
    );
  },
});

export type RecordAuditFinding = CommandOf<'audit-findings'>;

export const recordAuditFinding = defineAction({
  name: 'audit-findings',
  roles: ['reviewer', 'manager'],
  stages: ['execution', 'evaluation', 'suspended'],
  summary: 'Publish an audit finding with its severity and rectification deadline.',
  decide(state, command) {
    const schema = S['audit-findings'];
    const severity = read(schema, command, 'severity');
    const finding = {
      id: `f${(state.findings ?? []).length + 1}`,
      rectificationDueAt: new Date(read(schema, command, 'rectificationDueAt')).toISOString(),
      rectified: false,
      overdue: false,
    };
    const data = {
      findingId: finding.id,
      finding: read(schema, command, 'finding'),
      severity,
      rectificationDueAt: finding.rectificationDueAt,
    };
    return {
      state: { ...state, findings: [...(state.findings ?? []), finding] },
      public: [{ type: 'AuditFindingPublished', data }],
      internal: { type: 'AuditFindingPublished', data },
    };
  },
});

export type ReportRectification = CommandOf<'rectifications'>;

export const reportRectification = defineAction({
  name: 'rectifications',
  roles: ['drafter'],
  stages: ['execution', 'evaluation', 'suspended'],
  summary: 'Report what was done to rectify an audit finding.',
  decide(state, command) {
    const findingId = fieldOf(command, 'findingId');
    const finding = (state.findings ?? []).find((f) => f.id === findingId);
    if (!finding) throw new DomainError('FINDING_NOT_FOUND', 'not_found', `No audit finding ${String(findingId)}.`);
    const status = read(S.rectifications, command, 'status');
    const data = { findingId: finding.id, action: read(S.rectifications, command, 'action'), status };
    const findings = (state.findings ?? []).map((f) =>
      f.id === finding.id ? { ...f, rectified: status === 'completed' } : f,
    );
    return {
      state: { ...state, findings },
      public: [{ type: 'RectificationReported', data }],
      internal: { type: 'RectificationReported', data },
    };
  },
});

export type RecordAccountability = CommandOf<'accountability'>;

/** Accountability (问责): who as unit or role — never a named person on the public log. */
export const recordAccountability = defineAction({
  name: 'accountability',
  roles: ['manager'],
  stages: ['execution', 'evaluation', 'suspended', 'closed'],
  summary: 'Publish an accountability record: which unit or role, what measure, when.',
  decide(state, command) {
    const schema = S.accountability;
    const data = {
      subject: read(schema, command, 'subject'),
      measure: read(schema, command, 'measure'),
      date: new Date(read(schema, command, 'date')).toISOString(),
    };
    return {
      state,
      public: [{ type: 'AccountabilityPublished', data }],
      internal: { type: 'AccountabilityPublished', data },
    };
  },
});

export type StartEvaluation = CommandOf<'evaluation'>;

/** A manager starts the evaluation, or names the evaluator of one the schedule started (art.36). */
export const startEvaluation = defineAction({
  name: 'evaluation',
  roles: ['manager'],
  stages: ['execution', 'evaluation'],
  summary: 'Start the post-decision evaluation (or name its evaluator); never the drafting unit.',
  decide(state, command, { now }) {
    const evaluatorUnit = read(S.evaluation, command, 'evaluatorUnit');
    if (evaluatorUnit === state.unit) {
      throw new ForbiddenActionError(
        'EVALUATOR_IS_DRAFTING_UNIT',
        'The evaluation is not done by the unit that drafted the decision (Decree 713 art.36).',
      );
    }
    if (state.stage === 'evaluation') {
      if (state.evaluation?.evaluatorUnit) throw new IllegalTransitionError('The evaluator is already named.');
      return {
        state: { ...state, evaluation: { ...state.evaluation, evaluatorUnit } },
        public: [],
        internal: { type: 'EvaluatorNamed', data: { evaluatorUnit } },
      };
    }
    const data = { trigger: 'manager', evaluatorUnit };
    return {
      state: {
        ...changeStage(state, 'evaluation'),
        evaluation: { ...state.evaluation, startedAt: now.toISOString(), evaluatorUnit },
      },
      public: [{ type: 'EvaluationStarted', data }],
      internal: { type: 'EvaluationStarted', data },
    };
  },
});

export type SubmitEvaluationReport = CommandOf<'evaluation-report'>;

export const submitEvaluationReport = defineAction({
  name: 'evaluation-report',
  roles: ['manager'],
  stages: ['evaluation'],
  summary: 'Submit the evaluation report and its conclusion (continue, adjust, suspend, terminate) for review.',
  decide(state, command, context) {
    if (!state.evaluation?.evaluatorUnit)
      throw new DomainError('EVALUATOR_REQUIRED', 'conflict', 'Name the evaluator first.');
    const schema = S['evaluation-report'];
    const conclusion = read(schema, command, 'conclusion');
    const nextDue = fieldOf(command, 'nextEvaluationDueAt');
    const payload = {
      conclusion,
      report: read(schema, command, 'report'),
      majorAdjustment: fieldOf(command, 'majorAdjustment') === true,
      adjustmentReason: fieldOf(command, 'adjustmentReason') ?? null,
      revisedMilestones: conclusion === 'adjust' ? validateMilestones(fieldOf(command, 'revisedMilestones') ?? []) : [],
      nextEvaluationDueAt: nextDue
        ? new Date(parseAs(schema.shape.nextEvaluationDueAt.unwrap(), nextDue, 'nextEvaluationDueAt')).toISOString()
        : undefined,
    };
    return addReview(state, 'evaluation', payload, context);
  },
});

export const resumeExecution = defineAction({
  name: 'resume',
  roles: ['manager'],
  stages: ['suspended'],
  summary: 'Resume the execution of a suspended decision.',
  decide(state, command) {
    const data = { reason: read(S.resume, command, 'reason') };
    return {
      state: changeStage(state, 'resume'),
      public: [{ type: 'DecisionResumed', data }],
      internal: { type: 'DecisionResumed', data },
    };
  },
});

export const closeDecision = defineAction({
  name: 'close',
  roles: ['manager'],
  stages: ['execution', 'suspended'],
  summary: 'Close a suspended decision, or one whose execution is complete; its record is archived.',
  decide(state, command) {
    if (state.stage === 'execution' && (state.milestones ?? []).some((m) => m.percent < 100)) {
      throw new DomainError(
        'EXECUTION_NOT_COMPLETE',
        'conflict',
        'Every milestone must be complete before the decision closes.',
      );
    }
    const data = { reason: read(S.close, command, 'reason') };
    return {
      state: changeStage(state, 'close'),
      public: [{ type: 'DecisionClosed', data }],
      internal: { type: 'DecisionClosed', data },
    };
  },
});
