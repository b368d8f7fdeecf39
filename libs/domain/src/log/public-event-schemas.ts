import { z } from 'zod';
import type { PublicEventType } from './public-log';

/**
 * The `data` of every public event type, as the workflow writes it (ADR 38). Trap: the public log is
 * append-only and hashed, so each schema also accepts every older shape of its event still on record
 * (fields added later are optional; nothing is ever renamed) and keeps fields it does not know
 * (`looseObject`): a reader must never fail on an entry written before or after it.
 */
const instant = z.string().describe('RFC 3339 UTC');
const nullableText = z.string().nullable();

const dueCount = z.looseObject({
  from: instant,
  workingDays: z.number(),
  calendarVersion: z.number(),
  provisional: z.boolean(),
  holidaysSkipped: z.array(z.string()),
  weekendsSkipped: z.array(z.string()),
  makeUpDaysCounted: z.array(z.string()),
  sources: z.array(z.string()).optional(),
});

const meeting = {
  meeting: z.string(),
  date: instant,
  outcome: z.enum(['adopted', 'rejected', 'returned']),
  dissentRecorded: z.boolean(),
};
const channelRecord = {
  channel: z.string(),
  date: instant,
  participantsCount: z.number(),
  minutes: z.string(),
  opinionsCount: z.number().optional(),
};

export const PUBLIC_EVENT_SCHEMAS = {
  DecisionRegistered: z.looseObject({
    title: z.string(),
    summary: z.string(),
    unit: z.string(),
    category: z.string(),
    riskAssessmentRequired: z.boolean().optional(),
    plannedDates: z
      .looseObject({ consultationFrom: z.string().optional(), decisionBy: z.string().optional() })
      .optional(),
  }),
  DraftPublished: z.looseObject({
    version: z.number(),
    draft: z.string(),
    basis: z.string(),
    explanation: z.string(),
    consultation: z.looseObject({
      channels: z.array(z.string()),
      opensAt: instant,
      closesAt: instant,
      shortenedReason: nullableText.optional(),
    }),
  }),
  HearingNoticed: z.looseObject({
    hearingId: z.string(),
    date: instant,
    place: z.string(),
    selectionMethod: z.string(),
    participants: z.array(z.string()),
  }),
  ConsultationOpened: z.looseObject({ opensAt: instant, closesAt: instant, channels: z.array(z.string()) }),
  HearingHeld: z.looseObject({ ...channelRecord, hearingId: z.string(), signedRecordRef: z.string() }),
  ChannelRecorded: z.looseObject(channelRecord),
  ConsultationExtended: z.looseObject({ previousClosesAt: instant, closesAt: instant, reason: z.string() }),
  ConsultationClosed: z.looseObject({
    closedAt: instant,
    feedbackDueAt: instant,
    feedbackDueCount: dueCount.optional(),
    /** Absent before the seal existed. */
    counts: z
      .looseObject({
        received: z.number(),
        published: z.number(),
        withheld: z.record(z.string(), z.number()),
        byChannel: z.record(z.string(), z.number()),
      })
      .optional(),
  }),
  /** `clusters` only since the concentrated clusters were answered in the report. */
  FeedbackPublished: z.looseObject({
    summary: z.string(),
    draftChanges: z.string(),
    statistics: z.looseObject({
      received: z.number().optional(),
      published: z.number().optional(),
      withheld: z.record(z.string(), z.number()).optional(),
      byChannel: z.record(z.string(), z.number()).optional(),
      answered: z.record(z.string(), z.number()).optional(),
    }),
    clusters: z
      .array(
        z.looseObject({
          clusterId: z.string(),
          label: z.string(),
          size: z.number(),
          concentrated: z.boolean(),
          representativeText: nullableText.optional(),
          answer: z
            .looseObject({ verdict: z.string(), text: z.string(), reason: nullableText.optional() })
            .nullable()
            .optional(),
        }),
      )
      .optional(),
  }),
  DecisionAdopted: z.looseObject({ ...meeting, publicationDueAt: instant, publicationDueCount: dueCount.optional() }),
  DecisionRejected: z.looseObject(meeting),
  DecisionReturned: z.looseObject({ ...meeting, reason: z.string() }),
  DecisionPublished: z.looseObject({
    text: z.string(),
    interpretation: z.looseObject({
      plainLanguage: z.string(),
      qa: z.array(z.looseObject({ question: z.string(), answer: z.string() })).optional(),
    }),
    adoptionExplanation: nullableText,
    executionUnit: z.string(),
    evaluationDueAt: instant,
    /** Confidential decisions only, since ADR 29. */
    publicTitle: nullableText.optional(),
    publicSummary: nullableText.optional(),
  }),
  MilestonePlanned: z.looseObject({
    milestoneId: z.string(),
    title: z.string(),
    unit: z.string(),
    dueAt: instant,
    weight: z.number(),
  }),
  ProgressReported: z.looseObject({
    milestoneId: z.string(),
    percent: z.number(),
    narrative: z.string(),
    overallProgress: z.number(),
  }),
  MilestoneCompleted: z.looseObject({ milestoneId: z.string() }),
  MilestoneOverdue: z.looseObject({ milestoneId: z.string(), title: z.string(), dueAt: instant, percent: z.number() }),
  AuditFindingPublished: z.looseObject({
    findingId: z.string(),
    finding: z.string(),
    severity: z.enum(['low', 'medium', 'high']),
    rectificationDueAt: instant,
  }),
  RectificationReported: z.looseObject({
    findingId: z.string(),
    action: z.string(),
    status: z.enum(['in_progress', 'completed']),
  }),
  AccountabilityPublished: z.looseObject({ subject: z.string(), measure: z.string(), date: instant }),
  /** `opinions`, `since` and `threshold` only when the opinions triggered it (ADR 14). */
  EvaluationStarted: z.looseObject({
    trigger: z.enum(['manager', 'scheduled', 'opinions']),
    evaluatorUnit: nullableText,
    opinions: z.number().optional(),
    since: instant.optional(),
    threshold: z.number().optional(),
  }),
  EvaluationPublished: z.looseObject({
    conclusion: z.enum(['continue', 'adjust', 'suspend', 'terminate']),
    report: z.string(),
  }),
  DecisionAdjusted: z.looseObject({ major: z.boolean(), reason: nullableText }),
  DecisionSuspended: z.looseObject({ since: instant }),
  DecisionTerminated: z.looseObject({ at: instant }),
  DecisionResumed: z.looseObject({ reason: z.string() }),
  DecisionClosed: z.looseObject({ reason: z.string() }),
  DueDateRecomputed: z.looseObject({
    deadline: z.enum(['feedback', 'publication', 'review']),
    ref: z.string().optional(),
    from: instant,
    to: instant,
    calendarVersion: z.number(),
    provisional: z.boolean(),
    sources: z.array(z.string()),
    count: dueCount,
  }),
  /** An official file attached (ADR 87): downloadable at `/decisions/{id}/attachments/{sha256}`. */
  AttachmentAdded: z.looseObject({
    target: z.enum(['draft', 'decision', 'report']),
    version: z.number().optional(),
    name: z.string(),
    type: z.string(),
    mediaType: z.string(),
    size: z.number(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  /**
   * An annual disclosure report published (ADR 0119), on its own chain `AR-{year}-{unit}`: the report's
   * content as frozen at submission and its sha256 (of the content's JCS).
   */
  AnnualReportPublished: z.looseObject({
    unit: z.string(),
    year: z.number(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    content: z.looseObject({}),
  }),
} satisfies Record<PublicEventType, z.ZodType>;

export type PublicEventData<T extends PublicEventType> = z.output<(typeof PUBLIC_EVENT_SCHEMAS)[T]>;

/**
 * The data of a public entry of type `type`, typed, or undefined when the entry does not have its shape
 * (an unknown type, or data no version of the workflow wrote). Readers show nothing rather than fail.
 */
export function parsePublicEvent<T extends PublicEventType>(type: T, data: unknown): PublicEventData<T> | undefined {
  const result = PUBLIC_EVENT_SCHEMAS[type].safeParse(data);
  return result.success ? (result.data as PublicEventData<T>) : undefined;
}

/** What a tolerant reader gets: every field optional, objects read field by field, all the way down. */
export type PublicFields<T> =
  T extends ReadonlyArray<infer E>
    ? (E extends object ? Array<PublicFields<E>> : E[]) | undefined
    : T extends object
      ? { [K in keyof T]?: PublicFields<T[K]> }
      : T | undefined;

function fieldsOf(schema: z.ZodType, value: unknown): unknown {
  if (schema instanceof z.ZodOptional)
    return value === undefined ? undefined : fieldsOf(schema.unwrap() as z.ZodType, value);
  if (schema instanceof z.ZodNullable) return value === null ? null : fieldsOf(schema.unwrap() as z.ZodType, value);
  if (schema instanceof z.ZodArray)
    return Array.isArray(value)
      ? value.map((item) => fieldsOf(schema.element as z.ZodType, item)).filter((item) => item !== undefined)
      : undefined;
  if (schema instanceof z.ZodRecord) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter(([, item]) => (schema.valueType as z.ZodType).safeParse(item).success),
    );
  }
  if (schema instanceof z.ZodObject) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
    const source = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(schema.shape as Record<string, z.ZodType>)
        .map(([key, field]) => [key, fieldsOf(field, source[key])])
        .filter(([, read]) => read !== undefined),
    );
  }
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

/**
 * The data of a public entry read field by field through its type's schema: a field of the wrong type
 * or missing is absent (an object is read as far as it goes), so a page shows what it can of any entry
 * ever written. Use this to show entries; `parsePublicEvent` to check one.
 */
export function readPublicEvent<T extends PublicEventType>(type: T, data: unknown): PublicFields<PublicEventData<T>> {
  return fieldsOf(PUBLIC_EVENT_SCHEMAS[type], data) as PublicFields<PublicEventData<T>>;
}
