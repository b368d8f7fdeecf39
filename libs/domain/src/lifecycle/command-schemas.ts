import { z } from 'zod';
import { CHANNELS } from './decision-state';
import { instant, refusedAs, text } from './command-schema-kit';
import { ATTACHMENT_TYPES } from '../attachments/attachment-content';

/**
 * One zod schema per staff action's command (the JSON body of `POST /api/v1/decisions/{id}/{action}`,
 * the argument of the Update of the same name). The types, the OpenAPI request bodies and the rules'
 * field validation come from here (ADR 38). Trap: rules read fields one at a time with `read` where
 * their rule says, never the whole body first (see command-schema-kit.ts).
 */
const LONG = 100_000;

export const ATTACHMENT_TARGETS = ['draft', 'decision', 'report'] as const;
export type AttachmentTarget = (typeof ATTACHMENT_TARGETS)[number];

export const WITHHOLD_REASONS = ['abuse', 'spam', 'personal_data', 'off_topic'] as const;
const OFFLINE_CHANNELS = CHANNELS.filter((channel) => channel !== 'online');

const reasonText = (description: string) => text(2000, description);

export const MilestoneInputSchema = z
  .object({
    title: text(500, 'What is delivered'),
    unit: text(64, 'The responsible unit'),
    dueAt: instant('When it is due'),
    weight: refusedAs(
      z.coerce.number().positive().describe('Its share of the overall progress (positive)'),
      'INVALID_WEIGHT',
      (field) => `${field} must be a positive number.`,
    ),
  })
  .describe('A milestone of the execution plan');

const milestones = (description: string) =>
  refusedAs(z.array(MilestoneInputSchema).describe(description), 'FIELD_REQUIRED', 'milestones must be a list.');

export const COMMAND_SCHEMAS = {
  'draft-versions': z.object({
    draft: text(LONG, 'The draft text'),
    basis: text(LONG, 'The legal and policy basis'),
    explanation: text(LONG, 'The drafting explanation'),
  }),
  'consultation-plan': z.object({
    channels: refusedAs(
      z.array(z.enum(CHANNELS)).min(1).describe('The consultation channels (one or more)'),
      'INVALID_CHANNELS',
      `channels must list one or more of: ${CHANNELS.join(', ')}.`,
    ),
    opensAt: instant('When the consultation opens'),
    closesAt: instant('When it closes (at least 30 days later unless shortened)'),
    shortenedReason: refusedAs(z.string(), 'INVALID_FIELD', 'shortenedReason must be a text.')
      .optional()
      .describe('Why the consultation is shorter than the minimum; a manager approves it and it is published'),
  }),
  'shortened-consultation-approval': z.object({}),
  'submit-for-publication': z.object({}),
  'submit-for-decision': z.object({}),
  'expert-opinions': z.object({
    expert: text(200, 'The expert (name or body)'),
    opinion: text(LONG, 'The written opinion'),
    conflictOfInterestDeclaration: text(5000, "The expert's conflict-of-interest declaration"),
    hasDirectInterest: z
      .boolean()
      .optional()
      .describe('true refuses the opinion: an expert with a direct interest is excluded (EXPERT_HAS_INTEREST)'),
  }),
  'risk-assessments': z.object({
    conclusion: refusedAs(
      z.enum(['controllable', 'not_controllable']).describe('Whether the risk is controllable'),
      'INVALID_CONCLUSION',
      'conclusion must be controllable or not_controllable.',
    ),
    riskPoints: text(LONG, 'The risk points found'),
    measures: text(LONG, 'The measures against them'),
    contingency: text(LONG, 'The contingency plan'),
  }),
  approve: z.object({
    reviewId: z.string().describe('The submission waiting for review (from `reviews[].id` of the state)'),
  }),
  return: z.object({
    reviewId: z.string().describe('The submission waiting for review (from `reviews[].id` of the state)'),
    reason: text(5000, 'Why it is returned'),
  }),
  hearings: z.object({
    date: instant('When the hearing is held (at least 7 days ahead)'),
    participants: z.array(text(200, 'A participant')).optional().describe('The participants'),
    place: text(500, 'Where it is held'),
    selectionMethod: text(2000, 'How the participants were selected'),
  }),
  'channel-records': z.object({
    channel: refusedAs(
      z.enum(OFFLINE_CHANNELS).describe('The offline channel'),
      'INVALID_CHANNELS',
      'channel must be an offline channel (hearing, symposium, field_visit, written, questionnaire, expert, media).',
    ),
    date: instant('When it took place'),
    participantsCount: refusedAs(
      z.coerce
        .number()
        .min(0)
        .refine(Number.isInteger, 'must be a whole number')
        .describe('How many took part (a whole number)'),
      'FIELD_REQUIRED',
      'participantsCount must be a whole number.',
    ),
    opinions: z
      .array(
        z.object({
          text: z.string().describe('The opinion'),
          section: z.string().optional().describe('The part of the draft it is about'),
        }),
      )
      .max(10_000)
      .optional()
      .describe('The opinions the channel produced; they join the pool with the channel (de-identified)'),
    minutes: text(LONG, 'The minutes'),
    hearingId: z.string().optional().describe('For a hearing: the id of the noticed hearing'),
    signedRecordRef: text(500, 'For a hearing: the reference of the record the participants signed').optional(),
  }),
  extend: z.object({
    closesAt: instant('The new, later close time'),
    reason: reasonText('Why it is extended (published)'),
  }),
  'withhold-opinion': z.object({
    reason: refusedAs(
      z.enum(WITHHOLD_REASONS).describe('Why it leaves public display'),
      'INVALID_REASON',
      `reason must be one of: ${WITHHOLD_REASONS.join(', ')}.`,
    ),
    receipt: text(32, 'The receipt of the opinion'),
    note: z.string().optional().describe('An internal note'),
  }),
  'feedback-report': z.object({
    summary: text(LONG, 'The summary of the adoption feedback'),
    draftChanges: text(LONG, 'How the draft changed'),
    statistics: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Computed by the gateway; whatever a client sends is replaced'),
    clusters: z
      .array(z.unknown())
      .optional()
      .describe(
        'The concentrated clusters with their answers, computed by the gateway; whatever a client sends is replaced',
      ),
  }),
  'legality-review-request': z.object({
    dueAt: instant('When the review is due (at least 7 working days later; default that minimum)').optional(),
  }),
  'legality-review': z.object({
    opinion: refusedAs(
      z.enum(['lawful', 'lawful_with_changes', 'unlawful']).describe('The review opinion'),
      'INVALID_OPINION',
      'opinion must be lawful, lawful_with_changes or unlawful.',
    ),
    text: text(LONG, 'The review text'),
  }),
  'collective-decision': z.object({
    outcome: refusedAs(
      z
        .enum(['adopted', 'rejected', 'returned'])
        .describe('adopted, rejected (closes the decision) or returned (back to drafting)'),
      'INVALID_OUTCOME',
      'outcome must be adopted, rejected or returned.',
    ),
    meeting: text(500, 'The meeting that decided'),
    date: instant('When it decided'),
    dissent: z
      .string()
      .optional()
      .describe('Dissenting views (internal; the public log says only whether there were any)'),
    reason: text(5000, 'Why it is returned (required when returned)').optional(),
  }),
  'publish-decision': z.object({
    text: text(LONG, 'The decision text'),
    interpretation: z
      .object({
        plainLanguage: text(LONG, 'The interpretation in plain language'),
        qa: z
          .array(z.object({ question: z.string(), answer: z.string() }))
          .optional()
          .describe('Questions and answers'),
      })
      .describe('The policy interpretation, published with the decision (INTERPRETATION_REQUIRED)'),
    adoptionExplanation: z
      .string()
      .optional()
      .describe('How public and expert opinions were adopted (required unless confidential)'),
    executionUnit: text(64, 'The unit that executes it'),
    milestones: milestones('The execution plan'),
    evaluationDueAt: instant('When the evaluation is due'),
    publicTitle: text(200, 'Confidential decisions only: the title the public sees').optional(),
    publicSummary: text(2000, 'Confidential decisions only: the summary the public sees').optional(),
  }),
  milestones: z.object({ milestones: milestones('The milestones to add') }),
  'progress-reports': z.object({
    milestoneId: z.string().describe('The milestone (from `milestones[].id` of the state)'),
    percent: z.coerce.number().min(0).max(100).describe('How complete it is, from its last published value to 100'),
    narrative: text(LONG, 'What was done'),
  }),
  'audit-findings': z.object({
    severity: refusedAs(
      z.enum(['low', 'medium', 'high']).describe('How severe the finding is'),
      'INVALID_SEVERITY',
      'severity must be low, medium or high.',
    ),
    rectificationDueAt: instant('When it must be rectified'),
    finding: text(LONG, 'The finding'),
  }),
  rectifications: z.object({
    findingId: z.string().describe('The audit finding (from `findings[].id` of the state)'),
    status: refusedAs(
      z.enum(['in_progress', 'completed']).describe('Where the rectification stands'),
      'INVALID_STATUS',
      'status must be in_progress or completed.',
    ),
    action: text(LONG, 'What was done'),
  }),
  accountability: z.object({
    subject: text(200, 'Which unit or role is held accountable (never a named person)'),
    measure: text(5000, 'The measure taken'),
    date: instant('When'),
  }),
  evaluation: z.object({
    evaluatorUnit: text(64, 'The evaluating unit (never the drafting unit)'),
  }),
  'evaluation-report': z.object({
    conclusion: refusedAs(
      z.enum(['continue', 'adjust', 'suspend', 'terminate']).describe('What the evaluation concludes'),
      'INVALID_CONCLUSION',
      'conclusion must be continue, adjust, suspend or terminate.',
    ),
    report: text(LONG, 'The evaluation report'),
    majorAdjustment: z
      .boolean()
      .optional()
      .describe('adjust only: true sends the decision back to drafting (Decree 713 art.37)'),
    adjustmentReason: z.string().optional().describe('adjust only: why'),
    revisedMilestones: milestones('adjust only: milestones to add').optional(),
    nextEvaluationDueAt: instant('adjust only: when the next evaluation is due').optional(),
  }),
  resume: z.object({ reason: reasonText('Why execution resumes') }),
  close: z.object({ reason: reasonText('Why the decision closes') }),
  attachments: z.object({
    target: refusedAs(
      z
        .enum(ATTACHMENT_TARGETS)
        .describe('What the file belongs to: the current draft version, the decision or a report'),
      'INVALID_FIELD',
      `target must be one of: ${ATTACHMENT_TARGETS.join(', ')}.`,
    ),
    name: text(200, 'The file name shown to the public'),
    sha256: refusedAs(
      z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .describe('The sha256 of a file already in the attachment store (the gateway sets it from the upload)'),
      'ATTACHMENT_NOT_FOUND',
      'sha256 must name a stored attachment (64 lowercase hex digits).',
    ),
    size: z.number().int().positive().describe('Its size in bytes (the gateway sets it from the stored bytes)'),
    type: refusedAs(
      z.enum(ATTACHMENT_TYPES).describe('Its type by content (the gateway sets it from the stored bytes)'),
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      `type must be one of: ${ATTACHMENT_TYPES.join(', ')}.`,
    ),
  }),
} as const;

/** The name of a staff action: the Update's name and the last segment of its URL. */
export type ActionName = keyof typeof COMMAND_SCHEMAS;

/** The command of action `N` once its fields are read (`read`) or parsed. */
export type CommandOf<N extends ActionName> = z.output<(typeof COMMAND_SCHEMAS)[N]>;

/** Every staff command, discriminated by `action` (what a typed client sends). */
export type Command = { [N in ActionName]: { action: N; body: CommandOf<N> } }[ActionName];

export const ACTION_NAMES = Object.keys(COMMAND_SCHEMAS) as ActionName[];

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(COMMAND_SCHEMAS, name);
}
