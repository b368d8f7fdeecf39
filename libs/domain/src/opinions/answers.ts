import { InvalidCommandError, DomainError } from '../errors/errors';
import { normalizeReceipt } from './receipt';

/** How an opinion or a cluster is answered (SPEC.md §3.4); `not_applicable` is off-topic. */
export const VERDICTS = ['adopted', 'partially_adopted', 'not_adopted', 'not_applicable'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** One request records at most this many answers, all or none. */
export const MAX_ANSWERS_PER_REQUEST = 1000;
export const ANSWER_TEXT_MAX_CHARS = 5000;

/** Exactly one of `cluster` (a cluster id) or `receipt` (an opinion's receipt). */
export interface AnswerTargetInput {
  cluster?: string;
  receipt?: string;
}

/** What staff send per target; a template fills the verdict and text they leave out. */
export interface AnswerFields {
  verdict?: string;
  text?: string;
  reason?: string;
  templateId?: string;
}

/**
 * The two body forms of `POST /api/v1/decisions/{id}/answers`: `answers`, one per target; or `selection`
 * with the answer's fields beside it, the same answer for every selected target (bulk answering).
 */
export interface AnswersRequest extends AnswerFields {
  answers?: Array<AnswerFields & { target: AnswerTargetInput }>;
  selection?: { clusters?: string[]; receipts?: string[] };
}

/** A unit's reusable answer. */
export interface AnswerTemplate {
  templateId: string;
  title: string;
  verdict: Verdict;
  text: string;
}

/** An answer ready to store: target resolved, template applied, every field checked. */
export interface ResolvedAnswer {
  targetKind: 'cluster' | 'opinion';
  targetId: string;
  verdict: Verdict;
  text: string;
  reason: string | null;
  templateId: string | null;
}

export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && (VERDICTS as readonly string[]).includes(value);
}

type Expanded = AnswerFields & { target: AnswerTargetInput; field: string };

/** The selection form as a list of per-target answers with the same fields; `field` names each in errors. */
export function expandAnswers(request: AnswersRequest): Expanded[] {
  if (request.answers !== undefined && request.selection !== undefined) {
    throw new InvalidCommandError(
      'INVALID_ANSWERS',
      'Send either `answers` (one per target) or `selection` (one answer for many targets), not both.',
    );
  }
  if (request.answers !== undefined) {
    if ([request.verdict, request.text, request.reason, request.templateId].some((v) => v !== undefined)) {
      throw new InvalidCommandError(
        'INVALID_ANSWERS',
        'With `answers`, verdict, text, reason and templateId go inside each answer; beside them only with `selection`.',
      );
    }
    return request.answers.map((answer, i) => ({ ...answer, field: `answers[${i}]` }));
  }
  if (request.selection === undefined)
    throw new InvalidCommandError(
      'INVALID_ANSWERS',
      'Send `answers` (one per target) or `selection` (one answer for many targets).',
    );
  const { selection, verdict, text, reason, templateId } = request;
  const fields = { verdict, text, reason, templateId };
  return [
    ...(selection.clusters ?? []).map((cluster, i) => ({
      ...fields,
      target: { cluster },
      field: `selection.clusters[${i}]`,
    })),
    ...(selection.receipts ?? []).map((receipt, i) => ({
      ...fields,
      target: { receipt },
      field: `selection.receipts[${i}]`,
    })),
  ];
}

/** The template ids a request refers to, so that the caller can load just those. */
export function templateIdsOf(request: AnswersRequest): string[] {
  const ids = request.answers !== undefined ? request.answers.map((a) => a.templateId) : [request.templateId];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}

function optionalText(value: string | undefined, field: string): string | null {
  if (value === undefined || value.trim() === '') return null;
  if ([...value].length > ANSWER_TEXT_MAX_CHARS)
    throw new InvalidCommandError('FIELD_TOO_LONG', `${field} is longer than ${ANSWER_TEXT_MAX_CHARS} characters.`, {
      field,
    });
  return value;
}

function resolveTarget(
  target: AnswerTargetInput | undefined,
  field: string,
): Pick<ResolvedAnswer, 'targetKind' | 'targetId'> {
  const { cluster, receipt } = target ?? {};
  if ((cluster === undefined) === (receipt === undefined)) {
    throw new InvalidCommandError('INVALID_TARGET', `${field} must name exactly one of cluster or receipt.`, { field });
  }
  if (cluster !== undefined) {
    if (typeof cluster !== 'string' || !/^[\w.-]{1,32}$/.test(cluster))
      throw new InvalidCommandError('INVALID_TARGET', `${field}: ${String(cluster)} is not a cluster id.`, { field });
    return { targetKind: 'cluster', targetId: cluster };
  }
  const normalized = typeof receipt === 'string' ? normalizeReceipt(receipt) : undefined;
  if (!normalized)
    throw new InvalidCommandError('INVALID_RECEIPT', `${field}: ${String(receipt)} is not a valid receipt number.`, {
      field,
      target: { receipt },
    });
  return { targetKind: 'opinion', targetId: normalized };
}

/**
 * Checks a request's answers and applies templates (a template's verdict and text are used unless the
 * answer gives its own). Refuses an empty or oversize request, a target named twice, an unknown
 * template, a missing verdict or text. A reason is optional here: the feedback report demands one
 * where the law does (`assertClustersAnswered`).
 */
export function resolveAnswers(
  request: AnswersRequest,
  templates: ReadonlyMap<string, AnswerTemplate>,
): ResolvedAnswer[] {
  const inputs = expandAnswers(request);
  if (inputs.length === 0) throw new InvalidCommandError('ANSWERS_REQUIRED', 'Send at least one answer.');
  if (inputs.length > MAX_ANSWERS_PER_REQUEST) {
    throw new InvalidCommandError(
      'TOO_MANY_ANSWERS',
      `At most ${MAX_ANSWERS_PER_REQUEST} answers per request; this one has ${inputs.length}.`,
      { max: MAX_ANSWERS_PER_REQUEST },
    );
  }
  const seen = new Set<string>();
  return inputs.map((input) => {
    const field = request.answers !== undefined ? input.field : 'selection';
    const target = resolveTarget(input.target, request.answers !== undefined ? `${field}.target` : input.field);
    const key = `${target.targetKind}:${target.targetId}`;
    if (seen.has(key))
      throw new InvalidCommandError(
        'DUPLICATE_TARGET',
        `${target.targetKind} ${target.targetId} is answered twice in this request.`,
        { target: target.targetId },
      );
    seen.add(key);
    const template = input.templateId === undefined ? undefined : templates.get(input.templateId);
    if (input.templateId !== undefined && !template) {
      throw new DomainError(
        'TEMPLATE_NOT_FOUND',
        'not_found',
        `No answer template ${input.templateId} in the unit of this decision.`,
        { templateId: input.templateId },
      );
    }
    const verdict = input.verdict ?? template?.verdict;
    if (!isVerdict(verdict))
      throw new InvalidCommandError('INVALID_VERDICT', `${field}.verdict must be one of: ${VERDICTS.join(', ')}.`, {
        field: `${field}.verdict`,
      });
    const text = optionalText(input.text, `${field}.text`) ?? template?.text;
    if (!text)
      throw new InvalidCommandError(
        'FIELD_REQUIRED',
        `${field}.text is required (or a templateId whose text is used).`,
        { field: `${field}.text` },
      );
    return {
      ...target,
      verdict,
      text,
      reason: optionalText(input.reason, `${field}.reason`),
      templateId: template?.templateId ?? null,
    };
  });
}
