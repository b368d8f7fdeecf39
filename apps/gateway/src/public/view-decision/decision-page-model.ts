import type { ConsultationCounts, DueCount, Milestone, PublicLogEntry } from '../../../../../libs/domain/src';

/**
 * What the decision page shows, folded from the decision's public log only (SPEC.md §6): every fact on
 * the page is one a reader can check against the verified chain. Pure; data is read defensively (old
 * entries may lack newer fields). Entries must be in seq order.
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

type Data = Record<string, unknown>;
const str = (data: Data, key: string): string => (typeof data[key] === 'string' ? data[key] : '');
const strOrNull = (data: Data, key: string): string | null => (typeof data[key] === 'string' ? data[key] : null);
const num = (data: Data, key: string): number | null =>
  typeof data[key] === 'number' && Number.isFinite(data[key]) ? data[key] : null;
const obj = (value: unknown): Data =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const counts = (value: unknown): Record<string, number> =>
  Object.fromEntries(
    Object.entries(obj(value)).filter((pair): pair is [string, number] => typeof pair[1] === 'number'),
  );

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
  };
}

/** Folds a decision's public timeline into what its page shows. */
export function foldDecisionPage(entries: readonly PublicLogEntry[]): DecisionPageModel {
  return entries.reduce(applyEntry, emptyModel());
}

function applyEntry(model: DecisionPageModel, entry: PublicLogEntry): DecisionPageModel {
  const data = obj(entry.data);
  const at = entry.occurredAt;
  switch (entry.type) {
    case 'DraftPublished': {
      const version = num(data, 'version') ?? model.versions.length + 1;
      const plan = obj(data['consultation']);
      const consultation: ConsultationView = {
        channels: list(plan['channels']).map(String),
        opensAt: str(plan, 'opensAt'),
        closesAt: str(plan, 'closesAt'),
        shortenedReason: strOrNull(plan, 'shortenedReason'),
        opened: false,
        extensions: [],
        closedAt: null,
        counts: null,
        feedbackDueAt: null,
      };
      const documents = {
        version,
        draft: str(data, 'draft'),
        basis: str(data, 'basis'),
        explanation: str(data, 'explanation'),
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
    case 'ConsultationOpened':
      return withConsultation(model, (c) => ({
        ...c,
        opened: true,
        opensAt: str(data, 'opensAt') || c.opensAt,
        closesAt: str(data, 'closesAt') || c.closesAt,
      }));
    case 'ConsultationExtended':
      return withConsultation(model, (c) => ({
        ...c,
        closesAt: str(data, 'closesAt') || c.closesAt,
        extensions: [
          ...c.extensions,
          {
            previousClosesAt: str(data, 'previousClosesAt'),
            closesAt: str(data, 'closesAt'),
            reason: str(data, 'reason'),
            at,
          },
        ],
      }));
    case 'ConsultationClosed':
      return withConsultation(model, (c) => ({
        ...c,
        closedAt: str(data, 'closedAt') || at,
        feedbackDueAt: strOrNull(data, 'feedbackDueAt'),
        feedbackDueCount: dueCountOf(data['feedbackDueCount']),
        counts: data['counts'] ? toCounts(obj(data['counts'])) : null,
      }));
    case 'HearingNoticed':
      return {
        ...model,
        hearings: [
          ...model.hearings,
          {
            hearingId: str(data, 'hearingId'),
            date: str(data, 'date'),
            place: str(data, 'place'),
            selectionMethod: str(data, 'selectionMethod'),
            participants: list(data['participants']).map(String),
            held: null,
          },
        ],
      };
    case 'HearingHeld': {
      const held = {
        participantsCount: num(data, 'participantsCount') ?? 0,
        opinionsCount: num(data, 'opinionsCount') ?? 0,
        signedRecordRef: str(data, 'signedRecordRef'),
      };
      return {
        ...model,
        hearings: model.hearings.map((h) => (h.hearingId === str(data, 'hearingId') ? { ...h, held } : h)),
      };
    }
    case 'ChannelRecorded':
      return {
        ...model,
        channelRecords: [
          ...model.channelRecords,
          {
            channel: str(data, 'channel'),
            date: str(data, 'date'),
            participantsCount: num(data, 'participantsCount') ?? 0,
            opinionsCount: num(data, 'opinionsCount') ?? 0,
          },
        ],
      };
    case 'FeedbackPublished':
      return { ...model, feedback: toFeedback(data, at, entry.seq) };
    case 'DecisionAdopted':
    case 'DecisionRejected':
    case 'DecisionReturned': {
      const outcome =
        entry.type === 'DecisionAdopted' ? 'adopted' : entry.type === 'DecisionRejected' ? 'rejected' : 'returned';
      return {
        ...model,
        collective: {
          outcome,
          meeting: str(data, 'meeting'),
          date: str(data, 'date'),
          reason: strOrNull(data, 'reason'),
          publicationDueAt: strOrNull(data, 'publicationDueAt'),
          publicationDueCount: dueCountOf(data['publicationDueCount']),
        },
      };
    }
    case 'DecisionPublished': {
      const interpretation = obj(data['interpretation']);
      const qa = list(interpretation['qa']).map((item) => ({
        question: str(obj(item), 'question'),
        answer: str(obj(item), 'answer'),
      }));
      return {
        ...model,
        decision: {
          publishedAt: at,
          text: str(data, 'text'),
          plainLanguage: str(interpretation, 'plainLanguage'),
          qa,
          adoptionExplanation: strOrNull(data, 'adoptionExplanation'),
          executionUnit: str(data, 'executionUnit'),
          evaluationDueAt: strOrNull(data, 'evaluationDueAt'),
        },
      };
    }
    case 'MilestonePlanned':
      return {
        ...model,
        milestones: [
          ...model.milestones,
          {
            id: str(data, 'milestoneId'),
            title: str(data, 'title'),
            unit: str(data, 'unit'),
            dueAt: str(data, 'dueAt'),
            weight: num(data, 'weight') ?? 1,
            percent: 0,
            completed: false,
            overdue: false,
            reports: [],
          },
        ],
      };
    case 'ProgressReported': {
      const percent = num(data, 'percent') ?? 0;
      const report = { at, percent, narrative: str(data, 'narrative') };
      return {
        ...model,
        overallProgress: num(data, 'overallProgress') ?? model.overallProgress,
        milestones: withMilestone(model.milestones, str(data, 'milestoneId'), (m) => ({
          ...m,
          percent,
          reports: [...m.reports, report],
        })),
      };
    }
    case 'MilestoneCompleted':
      return {
        ...model,
        milestones: withMilestone(model.milestones, str(data, 'milestoneId'), (m) => ({
          ...m,
          percent: 100,
          completed: true,
        })),
      };
    case 'MilestoneOverdue':
      return {
        ...model,
        milestones: withMilestone(model.milestones, str(data, 'milestoneId'), (m) => ({ ...m, overdue: true })),
      };
    case 'AuditFindingPublished':
      return {
        ...model,
        findings: [
          ...model.findings,
          {
            id: str(data, 'findingId'),
            finding: str(data, 'finding'),
            severity: str(data, 'severity'),
            rectificationDueAt: str(data, 'rectificationDueAt'),
            publishedAt: at,
            rectifications: [],
          },
        ],
      };
    case 'RectificationReported': {
      const rectification = { at, action: str(data, 'action'), status: str(data, 'status') };
      return {
        ...model,
        findings: model.findings.map((f) =>
          f.id === str(data, 'findingId') ? { ...f, rectifications: [...f.rectifications, rectification] } : f,
        ),
      };
    }
    case 'AccountabilityPublished':
      return {
        ...model,
        accountability: [
          ...model.accountability,
          { subject: str(data, 'subject'), measure: str(data, 'measure'), date: str(data, 'date') },
        ],
      };
    case 'EvaluationStarted':
      return {
        ...model,
        evaluations: [
          ...model.evaluations,
          {
            startedAt: at,
            trigger: str(data, 'trigger'),
            evaluatorUnit: strOrNull(data, 'evaluatorUnit'),
            conclusion: null,
            report: null,
            publishedAt: null,
          },
        ],
      };
    case 'EvaluationPublished': {
      const published = { conclusion: str(data, 'conclusion'), report: str(data, 'report'), publishedAt: at };
      const last = model.evaluations.at(-1);
      const evaluations =
        last && !last.publishedAt
          ? [...model.evaluations.slice(0, -1), { ...last, ...published }]
          : [...model.evaluations, { startedAt: at, trigger: '', evaluatorUnit: null, ...published }];
      return { ...model, evaluations };
    }
    case 'DueDateRecomputed': {
      const count = dueCountOf(data['count']);
      if (str(data, 'deadline') === 'feedback')
        return withConsultation(model, (c) => ({ ...c, feedbackDueAt: str(data, 'to'), feedbackDueCount: count }));
      if (str(data, 'deadline') === 'publication' && model.collective)
        return {
          ...model,
          collective: { ...model.collective, publicationDueAt: str(data, 'to'), publicationDueCount: count },
        };
      return model;
    }
    case 'DecisionAdjusted':
    case 'DecisionSuspended':
    case 'DecisionResumed':
    case 'DecisionTerminated':
    case 'DecisionClosed':
      return {
        ...model,
        changes: [
          ...model.changes,
          {
            type: entry.type,
            at,
            reason: strOrNull(data, 'reason'),
            major: typeof data['major'] === 'boolean' ? data['major'] : null,
          },
        ],
      };
    case 'DecisionRegistered':
      return model;
  }
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

function toCounts(data: Data): ConsultationCounts {
  return {
    received: num(data, 'received') ?? 0,
    published: num(data, 'published') ?? 0,
    withheld: counts(data['withheld']),
    byChannel: counts(data['byChannel']),
  };
}

function toFeedback(data: Data, at: string, seq: number): FeedbackView {
  const statistics = obj(data['statistics']);
  const clusters = list(data['clusters']).map((item): FeedbackClusterView => {
    const c = obj(item);
    const answer = c['answer'] ? obj(c['answer']) : null;
    return {
      clusterId: str(c, 'clusterId'),
      label: str(c, 'label'),
      size: num(c, 'size') ?? 0,
      concentrated: c['concentrated'] === true,
      representativeText: strOrNull(c, 'representativeText'),
      answer: answer
        ? { verdict: str(answer, 'verdict'), text: str(answer, 'text'), reason: strOrNull(answer, 'reason') }
        : null,
    };
  });
  return {
    publishedAt: at,
    seq,
    summary: str(data, 'summary'),
    draftChanges: str(data, 'draftChanges'),
    statistics: {
      received: num(statistics, 'received'),
      published: num(statistics, 'published'),
      withheld: counts(statistics['withheld']),
      byChannel: counts(statistics['byChannel']),
      answered: counts(statistics['answered']),
    },
    clusters,
  };
}

/** A due date's explanation as the log carries it (ADR 23); null for entries from before. */
function dueCountOf(value: unknown): DueCount | null {
  const data = obj(value);
  if (typeof data['from'] !== 'string' || typeof data['workingDays'] !== 'number') return null;
  const dates = (key: string) => list(data[key]).filter((d): d is string => typeof d === 'string');
  return {
    from: data['from'],
    workingDays: data['workingDays'],
    calendarVersion: num(data, 'calendarVersion') ?? 0,
    provisional: data['provisional'] === true,
    holidaysSkipped: dates('holidaysSkipped'),
    weekendsSkipped: dates('weekendsSkipped'),
    makeUpDaysCounted: dates('makeUpDaysCounted'),
    sources: dates('sources'),
  };
}
