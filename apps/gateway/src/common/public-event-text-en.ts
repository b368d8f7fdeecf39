import type { PublicEventType } from '../../../../libs/domain/src';
import { clip, eventLabelIn, inBeijing, num, obj, pad, percent, str, summarizeEvent, type Data } from './public-event-text';

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
const CONCLUSION: Record<string, string> = { continue: 'continue', adjust: 'adjust', suspend: 'suspend execution', terminate: 'terminate execution' };
const TRIGGER: Record<string, string> = { scheduled: 'as scheduled', opinions: 'many public opinions during execution', manager: 'started by the decision-making body' };
const VERDICTS: Record<string, string> = { adopted: 'adopted', partially_adopted: 'partly adopted', not_adopted: 'not adopted', not_applicable: 'not applicable' };

/** An instant in Beijing time, e.g. `2026-11-26 16:00 (Beijing time)`; anything else as given. */
export function beijingTimeEn(value: unknown): string {
  return inBeijing(value, (d) => `${d.year}-${pad(d.month)}-${pad(d.day)} ${d.hh}:${d.mm} (Beijing time)`);
}

const word = (words: Record<string, string>, value: string): string => words[value] ?? value;
const channels = (value: unknown): string => (Array.isArray(value) ? value.map((c) => word(CHANNELS, String(c))).join(', ') : '');
/** `1 opinion`, `3 opinions`. */
const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
/** Joins the non-empty sentences with a space. */
const sentences = (...parts: Array<string | false | undefined>): string => parts.filter((p): p is string => Boolean(p)).join(' ');
/** `prefix` and the time (`when(' on ', at)`), or nothing when there is no time to show. */
const when = (prefix: string, value: unknown): string => (beijingTimeEn(value) ? `${prefix}${beijingTimeEn(value)}` : '');
const reason = (data: Data, label = 'Reason'): string => (str(data, 'reason') ? `${label}: ${clip(data['reason'], 80)}` : '');
const meeting = (data: Data): string => `${clip(data['meeting'], 60) || 'the meeting'}${when(' on ', data['date'])}`;

type Summarize = (data: Data) => string;

function draftPublished(data: Data): string {
  const c = obj(data, 'consultation');
  return sentences(
    `Draft decision (version ${num(data, 'version') ?? 1}) published with its basis and drafting explanation.`,
    str(c, 'opensAt') && `Consultation period: ${beijingTimeEn(c['opensAt'])} to ${beijingTimeEn(c['closesAt'])}.`,
    channels(c['channels']) && `Channels: ${channels(c['channels'])}.`,
    str(c, 'shortenedReason') && `Consultation shorter than 30 days; reason: ${clip(c['shortenedReason'], 80)}`,
  );
}

function channelHeld(what: string, data: Data): string {
  return `${what} held${when(' on ', data['date'])}: ${count(num(data, 'participantsCount') ?? 0, 'participant')}, ${count(num(data, 'opinionsCount') ?? 0, 'opinion')} recorded.`;
}

function consultationClosed(data: Data): string {
  const counts = obj(data, 'counts');
  const received = num(counts, 'received');
  return sentences(
    `Consultation closed${when(' on ', data['closedAt'])}.`,
    received !== undefined && `${count(received, 'opinion')} received, ${num(counts, 'published') ?? 0} published.`,
    str(data, 'feedbackDueAt') && `Adoption feedback due by ${beijingTimeEn(data['feedbackDueAt'])}.`,
  );
}

function feedbackPublished(data: Data): string {
  const statistics = obj(data, 'statistics');
  const answered = obj(statistics, 'answered');
  const received = num(statistics, 'received');
  const verdicts = Object.entries(VERDICTS)
    .filter(([key]) => (num(answered, key) ?? 0) > 0)
    .map(([key, label]) => `${num(answered, key)} ${label}`)
    .join(', ');
  const clusters = Array.isArray(data['clusters']) ? data['clusters'].length : 0;
  return sentences(
    'Adoption feedback published.',
    received !== undefined && `${count(received, 'opinion')} received${verdicts ? `: ${verdicts}` : ''}.`,
    clusters > 0 && `${count(clusters, 'group')} of concentrated opinions answered one by one.`,
    str(data, 'summary') && `Summary: ${clip(data['summary'], 80)}`,
  );
}

function progressReported(data: Data): string {
  const overall = num(data, 'overallProgress');
  const progress = percent(num(data, 'percent'));
  return sentences(
    `Milestone ${str(data, 'milestoneId')}${progress ? ` at ${progress}` : ' progress reported'}${overall !== undefined ? `; overall progress ${percent(overall)}` : ''}.`,
    clip(data['narrative'], 80),
  );
}

function evaluationStarted(data: Data): string {
  return sentences(
    `Post-decision evaluation started (${word(TRIGGER, str(data, 'trigger')) || 'no trigger given'}).`,
    num(data, 'opinions') !== undefined && `${count(num(data, 'opinions') ?? 0, 'opinion')} received during execution.`,
    str(data, 'evaluatorUnit') && `Evaluator: ${clip(data['evaluatorUnit'], 40)}.`,
  );
}

/** One summary per event type; a missing type fails to compile. */
const DEADLINES_EN: Record<string, string> = { feedback: 'the adoption feedback', publication: 'the publication of the decision' };

const SUMMARIES_EN: Record<PublicEventType, Summarize> = {
  DueDateRecomputed: (d) =>
    sentences(
      `The working-day calendar changed: ${word(DEADLINES_EN, str(d, 'deadline')) || 'a deadline'} is now due by ${beijingTimeEn(d['to'])}${d['provisional'] === true ? ' (provisional)' : ''} instead of ${beijingTimeEn(d['from'])}.`,
      num(d, 'calendarVersion') !== undefined && `Counted on version ${num(d, 'calendarVersion')} of the working-day calendar.`,
    ),
  DecisionRegistered: (d) => sentences('Entered in the catalogue of major administrative decisions.', str(d, 'summary') && `Summary: ${clip(d['summary'])}`),
  DraftPublished: draftPublished,
  HearingNoticed: (d) =>
    `Hearing scheduled${when(' for ', d['date'])}${str(d, 'place') ? ` at ${clip(d['place'], 60)}` : ''}, with ${count(Array.isArray(d['participants']) ? d['participants'].length : 0, 'participant')}.`,
  ConsultationOpened: (d) => sentences(`Consultation opened${when(' until ', d['closesAt'])}.`, channels(d['channels']) && `Channels: ${channels(d['channels'])}.`),
  HearingHeld: (d) => channelHeld('Hearing', d),
  ChannelRecorded: (d) => channelHeld(`Offline consultation (${word(CHANNELS, str(d, 'channel')) || 'channel not given'})`, d),
  ConsultationExtended: (d) =>
    sentences(`Consultation deadline extended from ${beijingTimeEn(d['previousClosesAt']) || 'the previous date'} to ${beijingTimeEn(d['closesAt']) || 'a later date'}.`, reason(d)),
  ConsultationClosed: consultationClosed,
  FeedbackPublished: feedbackPublished,
  DecisionAdopted: (d) => sentences(`Adopted by collective discussion at ${meeting(d)}.`, str(d, 'publicationDueAt') && `To be published by ${beijingTimeEn(d['publicationDueAt'])}.`),
  DecisionRejected: (d) => `Not adopted by collective discussion at ${meeting(d)}.`,
  DecisionReturned: (d) => sentences(`Returned for revision by collective discussion at ${meeting(d)}.`, reason(d)),
  DecisionPublished: (d) =>
    sentences(
      'Decision text published together with its policy interpretation.',
      str(d, 'executionUnit') && `Execution unit: ${clip(d['executionUnit'], 40)}.`,
      str(d, 'evaluationDueAt') && `Evaluation planned for ${beijingTimeEn(d['evaluationDueAt'])}.`,
    ),
  MilestonePlanned: (d) => `Milestone “${clip(d['title'], 60)}” planned: responsible unit ${clip(d['unit'], 40) || 'not given'}, due${when(' by ', d['dueAt']) || ' date not given'}.`,
  ProgressReported: progressReported,
  MilestoneCompleted: (d) => `Milestone ${str(d, 'milestoneId')} completed.`,
  MilestoneOverdue: (d) => `Milestone “${clip(d['title'], 60)}” is overdue (${percent(num(d, 'percent') ?? 0)} done)${str(d, 'dueAt') && `; it was due by ${beijingTimeEn(d['dueAt'])}`}.`,
  AuditFindingPublished: (d) =>
    sentences(
      `Audit finding (severity: ${word(SEVERITY, str(d, 'severity')) || 'not given'}): ${clip(d['finding'], 80)}.`,
      str(d, 'rectificationDueAt') && `Rectification due by ${beijingTimeEn(d['rectificationDueAt'])}.`,
    ),
  RectificationReported: (d) => `Rectification of audit finding ${str(d, 'findingId')} ${word(RECTIFICATION, str(d, 'status')) || 'reported'}: ${clip(d['action'], 80)}`,
  AccountabilityPublished: (d) => `Held accountable: ${clip(d['subject'], 40)}; measure: ${clip(d['measure'], 80)}${when(', on ', d['date'])}.`,
  EvaluationStarted: evaluationStarted,
  EvaluationPublished: (d) => sentences(`Evaluation conclusion: ${word(CONCLUSION, str(d, 'conclusion')) || 'not given'}.`, clip(d['report'], 80)),
  DecisionAdjusted: (d) =>
    sentences(d['major'] === true ? 'Major adjustment: the decision-making procedure will be followed again.' : 'Execution plan adjusted.', reason(d)),
  DecisionSuspended: (d) => `Execution suspended${when(' from ', d['since'])}.`,
  DecisionTerminated: (d) => `Execution terminated${when(' on ', d['at'])}.`,
  DecisionResumed: (d) => sentences('Execution resumed.', reason(d)),
  DecisionClosed: (d) => sentences('Decision completed and its record archived.', reason(d, 'Note')),
};

/** A short English description of one public log entry; an unknown type shows its label (or itself). */
export function summarizeEventEn(type: string, data: Data): string {
  return Object.hasOwn(SUMMARIES_EN, type) ? SUMMARIES_EN[type as PublicEventType](data) : eventLabelIn(type, 'en');
}

/** The summary in the page's language: zh-CN is `summarizeEvent` unchanged (feeds rely on it). */
export function summarizeEventIn(type: string, data: Data, locale: 'zh-CN' | 'en'): string {
  return locale === 'en' ? summarizeEventEn(type, data) : summarizeEvent(type, data);
}
