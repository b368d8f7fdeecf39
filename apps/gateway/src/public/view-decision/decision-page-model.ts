import {
  readPublicEvent,
  type ConsultationCounts,
  type DueCount,
  type Milestone,
  type PublicEventData,
  type PublicEventType,
  type PublicFields,
  type PublicLogEntry,
} from '../../../../../libs/domain/src';

/**
 * What the decision page shows, folded from the decision's public log only (SPEC.md §6): every fact on
 * the page is one a reader can check against the verified chain. Pure; data is read through the event
 * schemas (`readPublicEvent`): a field an old entry lacks or has in another type is absent, never a
 * failure. Entries must be in seq order.
 */
export interface DecisionPageModel {
  /** The latest published draft, basis and explanation, and every published version. */
  documents: PublishedDocuments | null;
  versions: Array<{ version: number; publishedAt: string; seq: number }>;
  consultation: ConsultationView | null;
  hearings: HearingView[];
  channelRecords: Array<{ channel: string; date: string; participantsCount: number; opinionsCount: number }>;
  feedback: FeedbackView | null;
  collective: {
    outcome: 'adopted' | 'rejected' | 'returned';
    meeting: string;
    date: string;
    reason: string | null;
    publicationDueAt: string | null;
    publicationDueCount?: DueCount | null;
  } | null;
  decision: PublishedDecisionView | null;
  milestones: MilestoneView[];
  /** Weighted progress as the last progress report published it (0–100), null before any. */
  overallProgress: number | null;
  findings: FindingView[];
  accountability: Array<{ subject: string; measure: string; date: string }>;
  evaluations: EvaluationView[];
  /** Adjustments, suspension, resumption, termination and closing, in order. */
  changes: Array<{ type: string; at: string; reason: string | null; major: boolean | null }>;
  /** Official files published in the log (ADR 87), in order; each downloadable by its sha256. */
  attachments: AttachmentView[];
}

export interface AttachmentView {
  target: string;
  version: number | null;
  name: string;
  type: string;
  mediaType: string;
  size: number;
  sha256: string;
  at: string;
}

export interface PublishedDocuments {
  version: number;
  draft: string;
  basis: string;
  explanation: string;
  publishedAt: string;
  seq: number;
}

export interface ConsultationView {
  channels: string[];
  opensAt: string;
  closesAt: string;
  shortenedReason: string | null;
  opened: boolean;
  extensions: Array<{ previousClosesAt: string; closesAt: string; reason: string; at: string }>;
  closedAt: string | null;
  /** Frozen by the seal (ConsultationClosed); null while open. */
  counts: ConsultationCounts | null;
  feedbackDueAt: string | null;
  /** How the feedback due date was counted (ADR 23); null before. */
  feedbackDueCount?: DueCount | null;
}

export interface HearingView {
  hearingId: string;
  date: string;
  place: string;
  selectionMethod: string;
  participants: string[];
  held: { participantsCount: number; opinionsCount: number; signedRecordRef: string } | null;
}

export interface FeedbackClusterView {
  clusterId: string;
  label: string;
  size: number;
  concentrated: boolean;
  representativeText: string | null;
  answer: { verdict: string; text: string; reason: string | null } | null;
}

export interface FeedbackView {
  publishedAt: string;
  seq: number;
  summary: string;
  draftChanges: string;
  statistics: {
    received: number | null;
    published: number | null;
    withheld: Record<string, number>;
    byChannel: Record<string, number>;
    answered: Record<string, number>;
  };
  clusters: FeedbackClusterView[];
}

export interface PublishedDecisionView {
  publishedAt: string;
  text: string;
  plainLanguage: string;
  qa: Array<{ question: string; answer: string }>;
  adoptionExplanation: string | null;
  executionUnit: string;
  evaluationDueAt: string | null;
}

/** The domain's milestone as the public log shows it. */
export interface MilestoneView extends Milestone {
  completed: boolean;
  /** A MilestoneOverdue entry was published (stays true when the milestone is completed late). */
  overdue: boolean;
  reports: Array<{ at: string; percent: number; narrative: string }>;
}

export interface FindingView {
  id: string;
  finding: string;
  severity: string;
  rectificationDueAt: string;
  publishedAt: string;
  rectifications: Array<{ at: string; action: string; status: string }>;
}

export interface EvaluationView {
  startedAt: string;
  trigger: string;
  evaluatorUnit: string | null;
  conclusion: string | null;
  report: string | null;
  publishedAt: string | null;
}

export function emptyModel(): DecisionPageModel {
  return {
    documents: null,
    versions: [],
    consultation: null,
    hearings: [],
    channelRecords: [],
    feedback: null,
    collective: null,
    decision: null,
    milestones: [],
    overallProgress: null,
    findings: [],
    accountability: [],
    evaluations: [],
    changes: [],
    attachments: [],
  };
}

/** Folds a decision's public timeline into what its page shows. */
export function foldDecisionPage(entries: readonly PublicLogEntry[]): DecisionPageModel {
  return entries.reduce(applyEntry, emptyModel());
}

function applyEntry(model: DecisionPageModel, entry: PublicLogEntry): DecisionPageModel {
  const at = entry.occurredAt;
  switch (entry.type) {
    case 'DraftPublished': {
      const data = readPublicEvent(entry.type, entry.data);
      const version = data.version ?? model.versions.length + 1;
      const plan = data.consultation ?? {};
      const consultation: ConsultationView = {
        channels: plan.channels ?? [],
        opensAt: plan.opensAt ?? '',
        closesAt: plan.closesAt ?? '',
        shortenedReason: plan.shortenedReason ?? null,
        opened: false,
        extensions: [],
        closedAt: null,
        counts: null,
        feedbackDueAt: null,
      };
      const documents = {
        version,
        draft: data.draft ?? '',
        basis: data.basis ?? '',
        explanation: data.explanation ?? '',
        publishedAt: at,
        seq: entry.seq,
      };
      // A new draft after a major adjustment starts the procedure again (art.37): the old round's feedback and decision stay on the log.
      return {
        ...model,
        documents,
        versions: [...model.versions, { version, publishedAt: at, seq: entry.seq }],
        consultation,
        hearings: [],
        channelRecords: [],
      };
    }
    case 'ConsultationOpened': {
      const data = readPublicEvent(entry.type, entry.data);
      return withConsultation(model, (c) => ({
        ...c,
        opened: true,
        opensAt: data.opensAt || c.opensAt,
        closesAt: data.closesAt || c.closesAt,
      }));
    }
    case 'ConsultationExtended': {
      const data = readPublicEvent(entry.type, entry.data);
      return withConsultation(model, (c) => ({
        ...c,
        closesAt: data.closesAt || c.closesAt,
        extensions: [
          ...c.extensions,
          {
            previousClosesAt: data.previousClosesAt ?? '',
            closesAt: data.closesAt ?? '',
            reason: data.reason ?? '',
            at,
          },
        ],
      }));
    }
    case 'ConsultationClosed': {
      const data = readPublicEvent(entry.type, entry.data);
      return withConsultation(model, (c) => ({
        ...c,
        closedAt: data.closedAt || at,
        feedbackDueAt: data.feedbackDueAt ?? null,
        feedbackDueCount: dueCountOf(data.feedbackDueCount),
        counts: data.counts ? toCounts(data.counts) : null,
      }));
    }
    case 'HearingNoticed': {
      const data = readPublicEvent(entry.type, entry.data);
      return {
        ...model,
        hearings: [
          ...model.hearings,
          {
            hearingId: data.hearingId ?? '',
            date: data.date ?? '',
            place: data.place ?? '',
            selectionMethod: data.selectionMethod ?? '',
            participants: data.participants ?? [],
            held: null,
          },
        ],
      };
    }
    case 'HearingHeld': {
      const data = readPublicEvent(entry.type, entry.data);
      const held = {
        participantsCount: data.participantsCount ?? 0,
        opinionsCount: data.opinionsCount ?? 0,
        signedRecordRef: data.signedRecordRef ?? '',
      };
      const hearingId = data.hearingId ?? '';
      return { ...model, hearings: model.hearings.map((h) => (h.hearingId === hearingId ? { ...h, held } : h)) };
    }
    case 'ChannelRecorded': {
      const data = readPublicEvent(entry.type, entry.data);
      return {
        ...model,
        channelRecords: [
          ...model.channelRecords,
          {
            channel: data.channel ?? '',
            date: data.date ?? '',
            participantsCount: data.participantsCount ?? 0,
            opinionsCount: data.opinionsCount ?? 0,
          },
        ],
      };
    }
    case 'FeedbackPublished':
      return { ...model, feedback: toFeedback(readPublicEvent(entry.type, entry.data), at, entry.seq) };
    case 'DecisionAdopted': {
      const data = readPublicEvent(entry.type, entry.data);
      const due = {
        publicationDueAt: data.publicationDueAt ?? null,
        publicationDueCount: dueCountOf(data.publicationDueCount),
      };
      return { ...model, collective: { ...meetingOf('adopted', data), ...due } };
    }
    case 'DecisionRejected':
      return { ...model, collective: meetingOf('rejected', readPublicEvent(entry.type, entry.data)) };
    case 'DecisionReturned': {
      const data = readPublicEvent(entry.type, entry.data);
      return { ...model, collective: { ...meetingOf('returned', data), reason: data.reason ?? null } };
    }
    case 'DecisionPublished': {
      const data = readPublicEvent(entry.type, entry.data);
      const interpretation = data.interpretation ?? {};
      return {
        ...model,
        decision: {
          publishedAt: at,
          text: data.text ?? '',
          plainLanguage: interpretation.plainLanguage ?? '',
          qa: (interpretation.qa ?? []).map((item) => ({ question: item.question ?? '', answer: item.answer ?? '' })),
          adoptionExplanation: data.adoptionExplanation ?? null,
          executionUnit: data.executionUnit ?? '',
          evaluationDueAt: data.evaluationDueAt ?? null,
        },
      };
    }
    case 'MilestonePlanned': {
      const data = readPublicEvent(entry.type, entry.data);
      return {
        ...model,
        milestones: [
          ...model.milestones,
          {
            id: data.milestoneId ?? '',
            title: data.title ?? '',
            unit: data.unit ?? '',
            dueAt: data.dueAt ?? '',
            weight: data.weight ?? 1,
            percent: 0,
            completed: false,
            overdue: false,
            reports: [],
          },
        ],
      };
    }
    case 'ProgressReported': {
      const data = readPublicEvent(entry.type, entry.data);
      const percent = data.percent ?? 0;
      const report = { at, percent, narrative: data.narrative ?? '' };
      return {
        ...model,
        overallProgress: data.overallProgress ?? model.overallProgress,
        milestones: withMilestone(model.milestones, data.milestoneId ?? '', (m) => ({
          ...m,
          percent,
          reports: [...m.reports, report],
        })),
      };
    }
    case 'MilestoneCompleted': {
      const data = readPublicEvent(entry.type, entry.data);
      return {
        ...model,
        milestones: withMilestone(model.milestones, data.milestoneId ?? '', (m) => ({
          ...m,
          percent: 100,
          completed: true,
        })),
      };
    }
    case 'MilestoneOverdue': {
      const data = readPublicEvent(entry.type, entry.data);
      return {
        ...model,
        milestones: withMilestone(model.milestones, data.milestoneId ?? '', (m) => ({ ...m, overdue: true })),
      };
    }
    case 'AuditFindingPublished': {
      const data = readPublicEvent(entry.type, entry.data);
      return {
        ...model,
        findings: [
          ...model.findings,
          {
            id: data.findingId ?? '',
            finding: data.finding ?? '',
            severity: data.severity ?? '',
            rectificationDueAt: data.rectificationDueAt ?? '',
            publishedAt: at,
            rectifications: [],
          },
        ],
      };
    }
    case 'RectificationReported': {
      const data = readPublicEvent(entry.type, entry.data);
      const rectification = { at, action: data.action ?? '', status: data.status ?? '' };
      const findingId = data.findingId ?? '';
      return {
        ...model,
        findings: model.findings.map((f) =>
          f.id === findingId ? { ...f, rectifications: [...f.rectifications, rectification] } : f,
        ),
      };
    }
    case 'AccountabilityPublished': {
      const data = readPublicEvent(entry.type, entry.data);
      return {
        ...model,
        accountability: [
          ...model.accountability,
          { subject: data.subject ?? '', measure: data.measure ?? '', date: data.date ?? '' },
        ],
      };
    }
    case 'EvaluationStarted': {
      const data = readPublicEvent(entry.type, entry.data);
      return {
        ...model,
        evaluations: [
          ...model.evaluations,
          {
            startedAt: at,
            trigger: data.trigger ?? '',
            evaluatorUnit: data.evaluatorUnit ?? null,
            conclusion: null,
            report: null,
            publishedAt: null,
          },
        ],
      };
    }
    case 'EvaluationPublished': {
      const data = readPublicEvent(entry.type, entry.data);
      const published = { conclusion: data.conclusion ?? '', report: data.report ?? '', publishedAt: at };
      const last = model.evaluations.at(-1);
      const evaluations =
        last && !last.publishedAt
          ? [...model.evaluations.slice(0, -1), { ...last, ...published }]
          : [...model.evaluations, { startedAt: at, trigger: '', evaluatorUnit: null, ...published }];
      return { ...model, evaluations };
    }
    case 'DueDateRecomputed': {
      const data = readPublicEvent(entry.type, entry.data);
      const count = dueCountOf(data.count);
      if (data.deadline === 'feedback')
        return withConsultation(model, (c) => ({ ...c, feedbackDueAt: data.to ?? '', feedbackDueCount: count }));
      if (data.deadline === 'publication' && model.collective)
        return {
          ...model,
          collective: { ...model.collective, publicationDueAt: data.to ?? '', publicationDueCount: count },
        };
      return model;
    }
    case 'DecisionAdjusted': {
      const data = readPublicEvent(entry.type, entry.data);
      return withChange(model, entry, data.reason ?? null, data.major ?? null);
    }
    case 'DecisionResumed':
    case 'DecisionClosed':
      return withChange(model, entry, readPublicEvent(entry.type, entry.data).reason ?? null, null);
    case 'DecisionSuspended':
    case 'DecisionTerminated':
      return withChange(model, entry, null, null);
    case 'AttachmentAdded': {
      const data = readPublicEvent(entry.type, entry.data);
      if (!data.sha256) return model;
      const attachment: AttachmentView = {
        target: data.target ?? 'draft',
        version: data.version ?? null,
        name: data.name ?? data.sha256,
        type: data.type ?? '',
        mediaType: data.mediaType ?? 'application/octet-stream',
        size: data.size ?? 0,
        sha256: data.sha256,
        at,
      };
      return { ...model, attachments: [...model.attachments, attachment] };
    }
    case 'DecisionRegistered':
    case 'AnnualReportPublished':
      return model;
  }
}

/** The collective decision's meeting; the reason and the publication deadline are its outcome's. */
function meetingOf(
  outcome: 'adopted' | 'rejected' | 'returned',
  data: Read<'DecisionRejected'>,
): NonNullable<DecisionPageModel['collective']> {
  return {
    outcome,
    meeting: data.meeting ?? '',
    date: data.date ?? '',
    reason: null,
    publicationDueAt: null,
    publicationDueCount: null,
  };
}

/** Adjustments, suspension, resumption, termination and closing: the entries of `changes`, in order. */
function withChange(
  model: DecisionPageModel,
  entry: PublicLogEntry,
  reason: string | null,
  major: boolean | null,
): DecisionPageModel {
  return { ...model, changes: [...model.changes, { type: entry.type, at: entry.occurredAt, reason, major }] };
}

function withConsultation(
  model: DecisionPageModel,
  change: (c: ConsultationView) => ConsultationView,
): DecisionPageModel {
  return model.consultation ? { ...model, consultation: change(model.consultation) } : model;
}

function withMilestone(
  milestones: MilestoneView[],
  id: string,
  change: (m: MilestoneView) => MilestoneView,
): MilestoneView[] {
  return milestones.map((m) => (m.id === id ? change(m) : m));
}

type Read<T extends PublicEventType> = PublicFields<PublicEventData<T>>;

/** A count per key (reason, channel, verdict); the schema already dropped what is not a number. */
const counts = (record: Record<string, number | undefined> | undefined): Record<string, number> =>
  Object.fromEntries(Object.entries(record ?? {}).filter((pair): pair is [string, number] => pair[1] !== undefined));

function toCounts(values: NonNullable<Read<'ConsultationClosed'>['counts']>): ConsultationCounts {
  return {
    received: values.received ?? 0,
    published: values.published ?? 0,
    withheld: counts(values.withheld),
    byChannel: counts(values.byChannel),
  };
}

function toFeedback(data: Read<'FeedbackPublished'>, at: string, seq: number): FeedbackView {
  const statistics = data.statistics ?? {};
  const clusters = (data.clusters ?? []).map(
    (c): FeedbackClusterView => ({
      clusterId: c.clusterId ?? '',
      label: c.label ?? '',
      size: c.size ?? 0,
      concentrated: c.concentrated === true,
      representativeText: c.representativeText ?? null,
      answer: c.answer
        ? { verdict: c.answer.verdict ?? '', text: c.answer.text ?? '', reason: c.answer.reason ?? null }
        : null,
    }),
  );
  return {
    publishedAt: at,
    seq,
    summary: data.summary ?? '',
    draftChanges: data.draftChanges ?? '',
    statistics: {
      received: statistics.received ?? null,
      published: statistics.published ?? null,
      withheld: counts(statistics.withheld),
      byChannel: counts(statistics.byChannel),
      answered: counts(statistics.answered),
    },
    clusters,
  };
}

/** A due date's explanation as the log carries it (ADR 23); null for entries from before. */
function dueCountOf(count: Read<'DueDateRecomputed'>['count']): DueCount | null {
  if (count?.from === undefined || count.workingDays === undefined) return null;
  return {
    from: count.from,
    workingDays: count.workingDays,
    calendarVersion: count.calendarVersion ?? 0,
    provisional: count.provisional === true,
    holidaysSkipped: count.holidaysSkipped ?? [],
    weekendsSkipped: count.weekendsSkipped ?? [],
    makeUpDaysCounted: count.makeUpDaysCounted ?? [],
    sources: count.sources ?? [],
  };
}
