import {
  readPublicEvent,
  type PublicEventData,
  type PublicEventType,
  type PublicFields,
} from '../../../../../libs/domain/src';
import {
  clip,
  eventLabelIn,
  inBeijing,
  NO_NAMES,
  pad,
  percent,
  summarizeEvent,
  titled,
  type Data,
  type EventNames,
} from './public-event-text';

/**
 * English summaries of public log entries, for the English public pages. Same contract as the zh-CN
 * `summarizeEvent`: built only from the entry's public `data`, shortened, never adding anything, and
 * tolerant of old entries that lack newer fields. Free text in the data (a meeting's name, a reason)
 * stays in the language it was recorded in. Atom feeds stay zh-CN (ADR 16) and do not use this file.
 */

const CHANNELS: Record<string, string> = {
  online: 'online',
  hearing: 'hearing',
  symposium: 'symposium',
  field_visit: 'field visit',
  written: 'written solicitation',
  questionnaire: 'questionnaire',
  expert: 'expert consultation',
  media: 'media',
};
const SEVERITY: Record<string, string> = { low: 'low', medium: 'medium', high: 'high' };
const RECTIFICATION: Record<string, string> = { in_progress: 'in progress', completed: 'completed' };
const CONCLUSION: Record<string, string> = {
  continue: 'continue',
  adjust: 'adjust',
  suspend: 'suspend execution',
  terminate: 'terminate execution',
};
const TRIGGER: Record<string, string> = {
  scheduled: 'as scheduled',
  opinions: 'many public opinions during execution',
  manager: 'started by the decision-making body',
};
const VERDICTS: Record<string, string> = {
  adopted: 'adopted',
  partially_adopted: 'partly adopted',
  not_adopted: 'not adopted',
  not_applicable: 'not applicable',
};

/** An instant in Beijing time, e.g. `2026-11-26 16:00 (Beijing time)`; anything else as given. */
export function beijingTimeEn(value: unknown): string {
  return inBeijing(value, (d) => `${d.year}-${pad(d.month)}-${pad(d.day)} ${d.hh}:${d.mm} (Beijing time)`);
}

const word = (words: Record<string, string>, value: string): string => words[value] ?? value;
const channels = (value: unknown): string =>
  Array.isArray(value) ? value.map((c) => word(CHANNELS, String(c))).join(', ') : '';
/** `1 opinion`, `3 opinions`. */
const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
/** Joins the non-empty sentences with a space. */
const sentences = (...parts: Array<string | false | null | undefined>): string =>
  parts.filter((p): p is string => Boolean(p)).join(' ');
/** `prefix` and the time (`when(' on ', at)`), or nothing when there is no time to show. */
const when = (prefix: string, value: unknown): string =>
  beijingTimeEn(value) ? `${prefix}${beijingTimeEn(value)}` : '';
const reason = (value: string | null | undefined, label = 'Reason'): string =>
  value ? `${label}: ${clip(value, 80)}` : '';
const meeting = (d: { meeting?: string | undefined; date?: string | undefined }): string =>
  `${clip(d.meeting, 60) || 'the meeting'}${when(' on ', d.date)}`;

type Summarize = (data: Data, names: EventNames) => string;

/** A unit's name, or the text as recorded. */
const unitIn = (names: EventNames, value: unknown, max: number): string =>
  clip((typeof value === 'string' && names.unit(value)) || value, max);
const milestone = (names: EventNames, id: string | undefined): string =>
  titled(names.milestone(id ?? ''), id, '“', '”');

function draftPublished(data: Data): string {
  const d = readPublicEvent('DraftPublished', data);
  const c = d.consultation ?? {};
  return sentences(
    `Draft decision (version ${d.version ?? 1}) published with its basis and drafting explanation.`,
    c.opensAt && `Consultation period: ${beijingTimeEn(c.opensAt)} to ${beijingTimeEn(c.closesAt)}.`,
    channels(c.channels) && `Channels: ${channels(c.channels)}.`,
    c.shortenedReason && `Consultation shorter than 30 days; reason: ${clip(c.shortenedReason, 80)}`,
  );
}

/** A hearing's record is a channel record with the hearing's id and signed record. */
function channelHeld(what: string, d: PublicFields<PublicEventData<'ChannelRecorded'>>): string {
  return `${what} held${when(' on ', d.date)}: ${count(d.participantsCount ?? 0, 'participant')}, ${count(d.opinionsCount ?? 0, 'opinion')} recorded.`;
}

function consultationClosed(data: Data): string {
  const d = readPublicEvent('ConsultationClosed', data);
  const counts = d.counts ?? {};
  return sentences(
    `Consultation closed${when(' on ', d.closedAt)}.`,
    counts.received !== undefined &&
      `${count(counts.received, 'opinion')} received, ${counts.published ?? 0} published.`,
    d.feedbackDueAt && `Adoption feedback due by ${beijingTimeEn(d.feedbackDueAt)}.`,
  );
}

function feedbackPublished(data: Data): string {
  const d = readPublicEvent('FeedbackPublished', data);
  const statistics = d.statistics ?? {};
  const answered = statistics.answered ?? {};
  const received = statistics.received;
  const verdicts = (Object.keys(VERDICTS) as Array<'adopted' | 'partially_adopted' | 'not_adopted' | 'not_applicable'>)
    .filter((key) => (answered[key] ?? 0) > 0)
    .map((key) => `${answered[key]} ${VERDICTS[key]}`)
    .join(', ');
  const clusters = (d.clusters ?? []).length;
  return sentences(
    'Adoption feedback published.',
    received !== undefined && `${count(received, 'opinion')} received${verdicts ? `: ${verdicts}` : ''}.`,
    clusters > 0 && `${count(clusters, 'group')} of concentrated opinions answered one by one.`,
    d.summary && `Summary: ${clip(d.summary, 80)}`,
  );
}

function progressReported(data: Data, names: EventNames): string {
  const d = readPublicEvent('ProgressReported', data);
  const overall = d.overallProgress;
  const progress = percent(d.percent);
  return sentences(
    `Milestone ${milestone(names, d.milestoneId)}${progress ? ` at ${progress}` : ' progress reported'}${overall !== undefined ? `; overall progress ${percent(overall)}` : ''}.`,
    clip(d.narrative, 80),
  );
}

function evaluationStarted(data: Data, names: EventNames): string {
  const d = readPublicEvent('EvaluationStarted', data);
  return sentences(
    `Post-decision evaluation started (${word(TRIGGER, d.trigger ?? '') || 'no trigger given'}).`,
    d.opinions !== undefined && `${count(d.opinions, 'opinion')} received during execution.`,
    d.evaluatorUnit && `Evaluator: ${unitIn(names, d.evaluatorUnit, 40)}.`,
  );
}

/** One summary per event type; a missing type fails to compile. */
const DEADLINES_EN: Record<string, string> = {
  feedback: 'the adoption feedback',
  publication: 'the publication of the decision',
};

const read = readPublicEvent;

const SUMMARIES_EN: Record<PublicEventType, Summarize> = {
  DueDateRecomputed: (data) => {
    const d = read('DueDateRecomputed', data);
    return sentences(
      `The working-day calendar changed: ${word(DEADLINES_EN, d.deadline ?? '') || 'a deadline'} is now due by ${beijingTimeEn(d.to)}${d.provisional === true ? ' (provisional)' : ''} instead of ${beijingTimeEn(d.from)}.`,
      d.calendarVersion !== undefined && `Counted on version ${d.calendarVersion} of the working-day calendar.`,
    );
  },
  AnnualReportPublished: (data) => {
    const d = read('AnnualReportPublished', data);
    return sentences(
      `Annual report on government information disclosure for ${d.year ?? ''} published.`,
      d.sha256 && `Report digest: ${d.sha256}.`,
    );
  },
  AttachmentAdded: (data) => {
    const d = read('AttachmentAdded', data);
    return sentences(`Attachment: ${clip(d.name, 80)} (${(d.type ?? '').toUpperCase()}, ${d.size ?? 0} bytes).`);
  },
  DecisionRegistered: (data) => {
    const d = read('DecisionRegistered', data);
    return sentences(
      'Entered in the catalogue of major administrative decisions.',
      d.summary && `Summary: ${clip(d.summary)}`,
    );
  },
  DraftPublished: draftPublished,
  HearingNoticed: (data) => {
    const d = read('HearingNoticed', data);
    return `Hearing scheduled${when(' for ', d.date)}${d.place ? ` at ${clip(d.place, 60)}` : ''}, with ${count((d.participants ?? []).length, 'participant')}.`;
  },
  ConsultationOpened: (data) => {
    const d = read('ConsultationOpened', data);
    return sentences(
      `Consultation opened${when(' until ', d.closesAt)}.`,
      channels(d.channels) && `Channels: ${channels(d.channels)}.`,
    );
  },
  HearingHeld: (data) => channelHeld('Hearing', read('ChannelRecorded', data)),
  ChannelRecorded: (data) => {
    const d = read('ChannelRecorded', data);
    return channelHeld(`Offline consultation (${word(CHANNELS, d.channel ?? '') || 'channel not given'})`, d);
  },
  ConsultationExtended: (data) => {
    const d = read('ConsultationExtended', data);
    return sentences(
      `Consultation deadline extended from ${beijingTimeEn(d.previousClosesAt) || 'the previous date'} to ${beijingTimeEn(d.closesAt) || 'a later date'}.`,
      reason(d.reason),
    );
  },
  ConsultationClosed: consultationClosed,
  FeedbackPublished: feedbackPublished,
  DecisionAdopted: (data) => {
    const d = read('DecisionAdopted', data);
    return sentences(
      `Adopted by collective discussion at ${meeting(d)}.`,
      d.publicationDueAt && `To be published by ${beijingTimeEn(d.publicationDueAt)}.`,
    );
  },
  DecisionRejected: (data) => `Not adopted by collective discussion at ${meeting(read('DecisionRejected', data))}.`,
  DecisionReturned: (data) => {
    const d = read('DecisionReturned', data);
    return sentences(`Returned for revision by collective discussion at ${meeting(d)}.`, reason(d.reason));
  },
  DecisionPublished: (data, names) => {
    const d = read('DecisionPublished', data);
    return sentences(
      'Decision text published together with its policy interpretation.',
      d.executionUnit && `Execution unit: ${unitIn(names, d.executionUnit, 40)}.`,
      d.evaluationDueAt && `Evaluation planned for ${beijingTimeEn(d.evaluationDueAt)}.`,
    );
  },
  MilestonePlanned: (data, names) => {
    const d = read('MilestonePlanned', data);
    return `Milestone “${clip(d.title, 60)}” planned: responsible unit ${unitIn(names, d.unit, 40) || 'not given'}, due${when(' by ', d.dueAt) || ' date not given'}.`;
  },
  ProgressReported: progressReported,
  MilestoneCompleted: (data, names) =>
    `Milestone ${milestone(names, read('MilestoneCompleted', data).milestoneId)} completed.`,
  MilestoneOverdue: (data) => {
    const d = read('MilestoneOverdue', data);
    return `Milestone “${clip(d.title, 60)}” is overdue (${percent(d.percent ?? 0)} done)${d.dueAt ? `; it was due by ${beijingTimeEn(d.dueAt)}` : ''}.`;
  },
  AuditFindingPublished: (data) => {
    const d = read('AuditFindingPublished', data);
    return sentences(
      `Audit finding (severity: ${word(SEVERITY, d.severity ?? '') || 'not given'}): ${clip(d.finding, 80)}.`,
      d.rectificationDueAt && `Rectification due by ${beijingTimeEn(d.rectificationDueAt)}.`,
    );
  },
  RectificationReported: (data, names) => {
    const d = read('RectificationReported', data);
    return `Rectification of audit finding ${titled(names.finding(d.findingId ?? ''), d.findingId, '“', '”')} ${word(RECTIFICATION, d.status ?? '') || 'reported'}: ${clip(d.action, 80)}`;
  },
  AccountabilityPublished: (data) => {
    const d = read('AccountabilityPublished', data);
    return `Held accountable: ${clip(d.subject, 40)}; measure: ${clip(d.measure, 80)}${when(', on ', d.date)}.`;
  },
  EvaluationStarted: evaluationStarted,
  EvaluationPublished: (data) => {
    const d = read('EvaluationPublished', data);
    return sentences(
      `Evaluation conclusion: ${word(CONCLUSION, d.conclusion ?? '') || 'not given'}.`,
      clip(d.report, 80),
    );
  },
  DecisionAdjusted: (data) => {
    const d = read('DecisionAdjusted', data);
    return sentences(
      d.major === true
        ? 'Major adjustment: the decision-making procedure will be followed again.'
        : 'Execution plan adjusted.',
      reason(d.reason),
    );
  },
  DecisionSuspended: (data) => `Execution suspended${when(' from ', read('DecisionSuspended', data).since)}.`,
  DecisionTerminated: (data) => `Execution terminated${when(' on ', read('DecisionTerminated', data).at)}.`,
  DecisionResumed: (data) => sentences('Execution resumed.', reason(read('DecisionResumed', data).reason)),
  DecisionClosed: (data) =>
    sentences('Decision completed and its record archived.', reason(read('DecisionClosed', data).reason, 'Note')),
};

/** A short English description of one public log entry; an unknown type shows its label (or itself). */
export function summarizeEventEn(type: string, data: Data, names: EventNames = NO_NAMES): string {
  return Object.hasOwn(SUMMARIES_EN, type)
    ? SUMMARIES_EN[type as PublicEventType](data, names)
    : eventLabelIn(type, 'en');
}

/** The summary in the page's language: zh-CN is `summarizeEvent` unchanged (feeds rely on it). */
export function summarizeEventIn(
  type: string,
  data: Data,
  locale: 'zh-CN' | 'en',
  names: EventNames = NO_NAMES,
): string {
  return locale === 'en' ? summarizeEventEn(type, data, names) : summarizeEvent(type, data, names);
}
