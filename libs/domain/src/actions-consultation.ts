import { addCalendarDays, daysBetween } from './calendar';
import { CHANNELS, type Channel } from './decision-state';
import { defineAction, requireInstant, requireText } from './decision-action';
import { DomainError, InvalidCommandError } from './errors';
import { assertClustersAnswered, parseReportClusters, type ReportCluster } from './feedback-report';
import { validateOpinion } from './opinion';
import { addReview } from './reviews';

export interface NoticeHearing {
  date: string;
  place: string;
  selectionMethod: string;
  participants: string[];
}

/** A hearing is noticed with date, place, selection method and participants ≥ 7 days ahead (art.16). */
export const noticeHearing = defineAction<NoticeHearing>({
  name: 'hearings',
  roles: ['drafter'],
  stages: ['pre_disclosure', 'consultation'],
  summary: 'Publish a hearing notice: date, place, participant selection and list, at least 7 days ahead.',
  decide(state, command, { now, policy }) {
    const date = requireInstant(command.date, 'date');
    if (date < addCalendarDays(now, policy.hearingNoticeDays)) {
      throw new InvalidCommandError(
        'HEARING_NOTICE_TOO_SHORT',
        `Materials must reach hearing participants at least ${policy.hearingNoticeDays} days before the hearing (Decree 713 art.16); this hearing is ${Math.floor(daysBetween(now, date) * 10) / 10} days away.`,
      );
    }
    const participants = Array.isArray(command.participants) ? command.participants.map((p) => requireText(p, 'participants[]', 200)) : [];
    const hearing = { id: `h${(state.hearings ?? []).length + 1}`, date: date.toISOString(), place: requireText(command.place, 'place', 500), held: false };
    const data = { hearingId: hearing.id, date: hearing.date, place: hearing.place, selectionMethod: requireText(command.selectionMethod, 'selectionMethod', 2000), participants };
    return { state: { ...state, hearings: [...(state.hearings ?? []), hearing] }, public: [{ type: 'HearingNoticed', data }], internal: { type: 'HearingNoticed', data } };
  },
});

export interface RecordChannel {
  channel: Channel;
  date: string;
  participantsCount: number;
  minutes: string;
  signedRecordRef?: string;
  hearingId?: string;
  /** The opinions the channel produced; they join the same pool as online ones, with the channel. */
  opinions?: Array<{ text: string; section?: string }>;
}

function channelOpinions(value: unknown, maxChars: number): Array<{ text: string; section: string | null }> {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 10_000) throw new InvalidCommandError('INVALID_FIELD', 'opinions must be a list of at most 10000 {text, section}.');
  return value.map((item: { text?: unknown; section?: unknown }) => {
    const opinion = { text: typeof item?.text === 'string' ? item.text : '', section: typeof item?.section === 'string' ? item.section : undefined };
    validateOpinion(opinion, maxChars);
    return { text: opinion.text, section: opinion.section ?? null };
  });
}

/** An offline channel's record; a hearing's record is confirmed and signed by participants (art.17). */
export const recordChannel = defineAction<RecordChannel>({
  name: 'channel-records',
  roles: ['drafter'],
  stages: ['consultation'],
  summary: 'Record a hearing, symposium or other offline channel (date, participants, minutes, signed record).',
  decide(state, command, { now, policy }) {
    if (!CHANNELS.includes(command.channel) || command.channel === 'online') {
      throw new InvalidCommandError('INVALID_CHANNELS', 'channel must be an offline channel (hearing, symposium, field_visit, written, questionnaire, expert, media).');
    }
    const date = requireInstant(command.date, 'date');
    const count = Number(command.participantsCount);
    if (!Number.isInteger(count) || count < 0) throw new InvalidCommandError('FIELD_REQUIRED', 'participantsCount must be a whole number.');
    const opinions = channelOpinions(command.opinions, policy.opinionMaxChars);
    const base = { channel: command.channel, date: date.toISOString(), participantsCount: count, minutes: requireText(command.minutes, 'minutes'), opinionsCount: opinions.length };
    if (command.channel !== 'hearing') {
      return { state, public: [{ type: 'ChannelRecorded', data: base }], internal: { type: 'ChannelRecorded', data: { ...base, opinions } } };
    }
    const hearing = (state.hearings ?? []).find((h) => h.id === command.hearingId);
    if (!hearing) throw new DomainError('HEARING_NOT_NOTICED', 'conflict', 'A hearing record needs the id of a noticed hearing (Decree 713 art.16).');
    if (new Date(hearing.date) > now) throw new DomainError('HEARING_NOT_HELD_YET', 'conflict', `Hearing ${hearing.id} is scheduled for ${hearing.date}.`);
    const data = { ...base, hearingId: hearing.id, signedRecordRef: requireText(command.signedRecordRef, 'signedRecordRef', 500) };
    const hearings = (state.hearings ?? []).map((h) => (h.id === hearing.id ? { ...h, held: true } : h));
    return { state: { ...state, hearings }, public: [{ type: 'HearingHeld', data }], internal: { type: 'HearingHeld', data: { ...data, opinions } } };
  },
});

export interface ExtendConsultation {
  closesAt: string;
  reason: string;
}

/** A manager extends the consultation; it can never close early. */
export const extendConsultation = defineAction<ExtendConsultation>({
  name: 'extend',
  roles: ['manager'],
  stages: ['consultation'],
  summary: 'Extend the consultation to a later close time, with a published reason.',
  decide(state, command) {
    const closesAt = requireInstant(command.closesAt, 'closesAt');
    const current = state.consultation!;
    if (closesAt <= new Date(current.closesAt)) {
      throw new InvalidCommandError('EXTENSION_NOT_LATER', `The new close time must be after ${current.closesAt}; a consultation never closes early.`);
    }
    const data = { previousClosesAt: current.closesAt, closesAt: closesAt.toISOString(), reason: requireText(command.reason, 'reason', 2000) };
    return {
      state: { ...state, consultation: { ...current, closesAt: data.closesAt, extensions: current.extensions + 1 } },
      public: [{ type: 'ConsultationExtended', data }],
      internal: { type: 'ConsultationExtended', data },
    };
  },
});

export interface SubmitFeedbackReport {
  summary: string;
  draftChanges: string;
  /** Computed by the gateway from the database; whatever a client sends is overwritten. */
  statistics?: Record<string, unknown>;
  /** The concentrated clusters with their answers, computed by the gateway like `statistics`. */
  clusters?: ReportCluster[];
}

/**
 * The adoption-feedback report goes to review; on approval it is published (FeedbackPublished).
 * Trap: recorded histories hold reports without `clusters`; they must replay exactly as before, so the
 * answered-clusters rule (and the `clusters` field of the payload) applies only when `clusters` is a list.
 */
export const submitFeedbackReport = defineAction<SubmitFeedbackReport>({
  name: 'feedback-report',
  roles: ['drafter'],
  stages: ['feedback'],
  summary: 'Submit the adoption-feedback report (summary, how the draft changed; statistics and concentrated clusters are computed) for review.',
  decide(state, command, context) {
    const payload: Record<string, unknown> = { summary: requireText(command.summary, 'summary'), draftChanges: requireText(command.draftChanges, 'draftChanges'), statistics: command.statistics ?? {} };
    if (Array.isArray(command.clusters)) {
      const clusters = parseReportClusters(command.clusters);
      assertClustersAnswered({ clusters });
      payload['clusters'] = clusters;
    }
    return addReview(state, 'feedback', payload, context);
  },
});

export const WITHHOLD_REASONS = ['abuse', 'spam', 'personal_data', 'off_topic'] as const;

export interface WithholdOpinion {
  receipt: string;
  reason: (typeof WITHHOLD_REASONS)[number];
  note?: string;
}

/**
 * Moderation: an opinion is withheld from public display with a reason. It still counts and is still
 * answered in aggregate; the internal log keeps who withheld it and why.
 */
export const withholdOpinion = defineAction<WithholdOpinion>({
  name: 'withhold-opinion',
  roles: ['drafter', 'reviewer', 'manager'],
  stages: ['consultation', 'feedback', 'deciding', 'execution', 'evaluation'],
  summary: 'Withhold an opinion from public display with a reason (abuse, spam, personal data, off-topic).',
  decide(state, command) {
    if (!WITHHOLD_REASONS.includes(command.reason)) throw new InvalidCommandError('INVALID_REASON', `reason must be one of: ${WITHHOLD_REASONS.join(', ')}.`);
    const data = { receipt: requireText(command.receipt, 'receipt', 32), reason: command.reason, note: command.note ?? null };
    return { state, public: [], internal: { type: 'OpinionWithheld', data } };
  },
});
