import type { SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';
import {
  DISCLOSURE_ACTIONS,
  type DisclosureAction,
  type DisclosureCommand,
  InvalidCommandError,
  OUTCOME_KEYS,
} from '../../../../../libs/domain/src';

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('YYYY-MM-DD, Shanghai');
const days = z.number().int().describe('working days');
const stepDate = { date: date.optional().describe('The day the step happened (default today, never in the future)') };
const outcome = z.enum(OUTCOME_KEYS as [string, ...string[]]).describe('One of the 21 outcome rows of Table 3');

/**
 * The body of every staff command on a disclosure case (`POST /api/v1/disclosure-requests/{id}/{command}`),
 * checked before the Update is sent: a wrong shape is 422 VALIDATION_FAILED naming the field; the rules
 * (periods, roles, order) are the workflow's fold and answer their `DISCLOSURE_*` codes.
 */
export const DISCLOSURE_COMMAND_SCHEMAS: Readonly<Record<DisclosureAction, z.ZodType>> = {
  'move-stage': z.strictObject({ to: z.enum(['review', 'handling']), ...stepDate }),
  'request-correction': z.strictObject({ periodWorkingDays: days, ...stepDate }),
  'receive-correction': z.strictObject({ ...stepDate }),
  'start-consultation': z.strictObject({
    id: z.string().min(1).max(64).describe('The consultation letter’s own reference'),
    kind: z.enum(['third_party', 'co_producer']).describe('art.32 third party, art.34 co-producing agency'),
    deliveredDate: date.describe('The day the consulted party received the letter'),
    ...stepDate,
  }),
  'answer-consultation': z.strictObject({ id: z.string().min(1).max(64), consent: z.boolean(), ...stepDate }),
  'grant-extension': z.strictObject({
    workingDays: days.describe('1–20 working days (art.33)'),
    notifiedDate: date.describe('The day the applicant was told'),
    ...stepDate,
  }),
  'set-custom-period': z.strictObject({ workingDays: days, reason: z.string().max(2000), ...stepDate }),
  'notice-fee': z.strictObject({ amountYuan: z.number().int().min(1), ...stepDate }),
  'record-payment': z.strictObject({ ...stepDate }),
  'draft-reply': z.strictObject({
    outcome,
    reasons: z.string().max(5000).optional(),
    competentAgency: z
      .strictObject({ name: z.string().max(200), contact: z.string().max(200).optional() })
      .optional()
      .describe('The agency that holds the information (art.36(5))'),
    competentAgencyKnown: z.boolean().optional(),
    remedyNotice: z.string().max(2000).describe('The remedies (art.51); the console fills in the standard text'),
    ...stepDate,
  }),
  'review-reply': z.strictObject({ approved: z.boolean(), note: z.string().max(2000).optional(), ...stepDate }),
  reply: z
    .strictObject({ ...stepDate })
    .describe('Issues the approved draft: the outcome and the document come from it'),
  archive: z.strictObject({ ...stepDate }),
};

export function isDisclosureAction(value: string): value is DisclosureAction {
  return (DISCLOSURE_ACTIONS as readonly string[]).includes(value);
}

/** The body as the command, or 422 VALIDATION_FAILED naming the first wrong field. */
export function parseDisclosureCommand(action: DisclosureAction, body: unknown): DisclosureCommand {
  const parsed = DISCLOSURE_COMMAND_SCHEMAS[action].safeParse(body ?? {});
  if (parsed.success) return parsed.data as DisclosureCommand;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || undefined;
  throw new InvalidCommandError('VALIDATION_FAILED', `${field ?? 'body'}: ${issue.message}`, field ? { field } : {});
}

/** The OpenAPI request body: one schema per command, titled like it. */
export const DISCLOSURE_COMMAND_BODIES: SchemaObject = {
  description: 'The body of the command named in the path; its schema is the `oneOf` entry titled like the command.',
  oneOf: DISCLOSURE_ACTIONS.map((action) => {
    const { $schema: _dialect, ...schema } = z.toJSONSchema(DISCLOSURE_COMMAND_SCHEMAS[action], {
      io: 'input',
      unrepresentable: 'any',
      target: 'openapi-3.0',
    });
    return { ...(schema as SchemaObject), title: action };
  }),
};
