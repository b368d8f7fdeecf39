import { z } from 'zod';
import type { ErrorCode } from '../errors/error-codes';
import { type DomainError, InvalidCommandError } from '../errors/errors';

/**
 * Field builders for the command schemas (command-schemas.ts). Each field knows the refusal its rule
 * answers with (code and message), so a rule that reads a field with {@link read} refuses exactly as it
 * did when it checked the field by hand. Trap: the rule reads fields one by one, in its own order,
 * between its state checks; parsing a whole body first would answer 422 where the rule answers 409.
 */
type Refusal = (field: string, issues: readonly z.core.$ZodIssue[]) => DomainError;

const REFUSALS = new WeakMap<z.ZodType, Refusal>();

function refusing<S extends z.ZodType>(schema: S, refusal: Refusal): S {
  REFUSALS.set(schema, refusal);
  return schema;
}

/** A required text: not blank, at most `max` characters (untrimmed). FIELD_REQUIRED / FIELD_TOO_LONG. */
export function text(max: number, description: string) {
  const schema = z
    .string()
    .refine((value) => value.trim().length > 0, 'must not be blank')
    .max(max)
    .describe(`${description} (at most ${max} characters)`);
  return refusing(schema, (field, issues) =>
    issues.every((issue) => issue.code === 'too_big')
      ? new InvalidCommandError('FIELD_TOO_LONG', `${field} is longer than ${max} characters.`, { field })
      : new InvalidCommandError('FIELD_REQUIRED', `${field} is required.`, { field }),
  );
}

/** A point in time: an RFC 3339 date-time string. INVALID_DATE. */
export function instant(description: string) {
  const schema = z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T/)
    .refine((value) => !Number.isNaN(new Date(value).getTime()), 'must be a date-time')
    .meta({ description, format: 'date-time', example: '2027-01-10T00:00:00Z' });
  return refusing(
    schema,
    (field) =>
      new InvalidCommandError('INVALID_DATE', `${field} must be an RFC 3339 date-time, e.g. 2027-01-10T00:00:00Z.`, {
        field,
      }),
  );
}

/** Any schema whose refusal is the rule's own code and message (enumerations, numbers, lists). */
export function refusedAs<S extends z.ZodType>(
  schema: S,
  code: ErrorCode,
  message: string | ((field: string) => string),
): S {
  return refusing(
    schema,
    (field) => new InvalidCommandError(code, typeof message === 'string' ? message : message(field)),
  );
}

/** The refusal of `schema`, looking through `.optional()`. */
function refusalOf(schema: z.ZodType): Refusal | undefined {
  const own = REFUSALS.get(schema);
  if (own) return own;
  return schema instanceof z.ZodOptional ? refusalOf(schema.unwrap() as z.ZodType) : undefined;
}

/** `body[key]`, or undefined when `body` is not an object or has no such field. */
export function fieldOf(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null && key in body ? (body as Record<string, unknown>)[key] : undefined;
}

/**
 * Reads one field of a command through its schema: the parsed value, or the field's refusal. `field`
 * names it in the refusal (default: the key; `milestones[2].title` for an item).
 */
export function read<S extends z.ZodObject, K extends keyof S['shape'] & string>(
  schema: S,
  body: unknown,
  key: K,
  field: string = key,
): z.output<S['shape'][K]> {
  const fieldSchema = schema.shape[key] as z.ZodType;
  const result = fieldSchema.safeParse(fieldOf(body, key));
  if (result.success) return result.data as z.output<S['shape'][K]>;
  const refusal = refusalOf(fieldSchema);
  throw refusal
    ? refusal(field, result.error.issues)
    : new InvalidCommandError('INVALID_FIELD', `${field} is not valid.`, { field });
}

/** Parses a whole value with `schema` (items of a list), refusing like {@link read}. */
export function parseAs<S extends z.ZodType>(schema: S, value: unknown, field: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const refusal = refusalOf(schema);
  throw refusal
    ? refusal(field, result.error.issues)
    : new InvalidCommandError('INVALID_FIELD', `${field} is not valid.`, { field });
}
