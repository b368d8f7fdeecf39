import { addCalendarDays, daysBetween } from '../calendar/calendar';
import { defineAction } from './decision-action';
import { fieldOf, parseAs, read } from './command-schema-kit';
import { COMMAND_SCHEMAS, type CommandOf } from './command-schemas';
import { DomainError, InvalidCommandError } from '../errors/errors';
import { assertClustersAnswered, parseReportClusters } from '../opinions/feedback-report';
import { validateOpinion } from '../opinions/opinion';
import { addReview } from './reviews';

const S = COMMAND_SCHEMAS;

export type NoticeHearing = CommandOf<'hearings'>;

/** A hearing is noticed with date, place, selection method and participants ≥ 7 days ahead (art.16). */
export const noticeHearing = defineAction({
  name: 'hearings',
  roles: ['drafter'],
  stages: ['pre_disclosure', 'consultation'],
  summary: 'Publish a hearing notice: date, place, participant selection and list, at least 7 days ahead.',
  decide(state, command, { now, policy }) {
    const schema = S.hearings;
    const date = new Date(read(schema, command, 'date'));
    if (date < addCalendarDays(now, policy.hearingNoticeDays)) {
      throw new InvalidCommandError(
        'HEARING_NOTICE_TOO_SHORT',
        `Materials must reach hearing participants at least ${policy.hearingNoticeDays} days before the hearing (Decree 713 art.16); this hearing is ${Math.floor(daysBetween(now, date) * 10) / 10} days away.`,
      );
    }
    const listed = fieldOf(command, 'participants');
    const participants = Array.isArray(listed)
      ? listed.map((p) => parseAs(schema.shape.participants.unwrap().element, p, 'participants[]'))
      : [];
    const hearing = {
      id: `h${(state.hearings ?? []).length + 1}`,
      date: date.toISOString(),
      place: read(schema, command, 'place'),
      held: false,
    };
    const data = {
      hearingId: hearing.id,
      date: hearing.date,
      place: hearing.place,
      selectionMethod: read(schema, command, 'selectionMethod'),
      participants,
    };
    return {
      state: { ...state, hearings: [...(state.hearings ?? []), hearing] },
      public: [{ type: 'HearingNoticed', data }],
      internal: { type: 'HearingNoticed', data },
    };
  },
});

export type RecordChannel = CommandOf<'channel-records'>;

function channelOpinions(value: unknown, maxChars: number): Array<{ text: string; section: string | null }> {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 10_000)
    throw new InvalidCommandError('INVALID_FIELD', 'opinions must be a list of at most 10000 {text, section}.');
  return value.map((item: { text?: unknown; section?: unknown }) => {
    const opinion = {
      text: typeof item?.text === 'string' ? item.text : '',
      section: typeof item?.section === 'string' ? item.section : undefined,
    };
    validateOpinion(opinion, maxChars);
    return { text: opinion.text, section: opinion.section ?? null };
  });
}

/** An offline channel's record; a hearing's record is confirmed and signed by participants (art.17). */
export const recordChannel = defineAction({
  name: 'channel-records',
  roles: ['drafter'],
  stages: ['consultation'],
  summary: 'Record a hearing, symposium or other offline channel (date, participants, minutes, signed record).',
  decide(state, command, { now, policy }) {
    const schema = S['channel-records'];
    const channel = read(schema, command, 'channel');
    const date = new Date(read(schema, command, 'date'));
    const count = read(schema, command, 'participantsCount');
    const opinions = channelOpinions(fieldOf(command, 'opinions'), policy.opinionMaxChars);
    const base = {
      channel,
      date: date.toISOString(),
      participantsCount: count,
      minutes: read(schema, command, 'minutes'),
      opinionsCount: opinions.length,
    };
    if (channel !== 'hearing') {
      return {
        state,
        public: [{ type: 'ChannelRecorded', data: base }],
        internal: { type: 'ChannelRecorded', data: { ...base, opinions } },
      };
    }
    const hearingId = fieldOf(command, 'hearingId');
    const hearing = (state.hearings ?? []).find((h) => h.id === hearingId);
    if (!hearing)
      throw new DomainError(
        'HEARING_NOT_NOTICED',
        'conflict',
        'A hearing record needs the id of a noticed hearing (Decree 713 art.16).',
      );
    if (new Date(hearing.date) > now)
      throw new DomainError(
        'HEARING_NOT_HELD_YET',
        'conflict',
        `Hearing ${hearing.id} is scheduled for ${hearing.date}.`,
      );
    const data = {
      ...base,
      hearingId: hearing.id,
      signedRecordRef: parseAs(
        schema.shape.signedRecordRef.unwrap(),
        fieldOf(command, 'signedRecordRef'),
        'signedRecordRef',
      ),
    };
    const hearings = (state.hearings ?? []).map((h) => (h.id === hearing.id ? { ...h, held: true } : h));
    return {
      state: { ...state, hearings },
      public: [{ type: 'HearingHeld', data }],
      internal: { type: 'HearingHeld', data: { ...data, opinions } },
    };
  },
});

export type ExtendConsultation = CommandOf<'extend'>;

/** A manager extends the consultation; it can never close early. */
export const extendConsultation = defineAction({
  name: 'extend',
  roles: ['manager'],
  stages: ['consultation'],
  summary: 'Extend the consultation to a later close time, with a published reason.',
  decide(state, command) {
    const closesAt = new Date(read(S.extend, command, 'closesAt'));
    const current = state.consultation!;
    if (closesAt <= new Date(current.closesAt)) {
      throw new InvalidCommandError(
        'EXTENSION_NOT_LATER',
        `The new close time must be after ${current.closesAt}; a consultation never closes early.`,
      );
    }
    const data = {
      previousClosesAt: current.closesAt,
      closesAt: closesAt.toISOString(),
      reason: read(S.extend, command, 'reason'),
    };
    return {
      state: { ...state, consultation: { ...current, closesAt: data.closesAt, extensions: current.extensions + 1 } },
      public: [{ type: 'ConsultationExtended', data }],
      internal: { type: 'ConsultationExtended', data },
    };
  },
});

/** `statistics` and `clusters` are computed by the gateway from the database; what a client sends is replaced. */
export type SubmitFeedbackReport = CommandOf<'feedback-report'>;

/**
 * The adoption-feedback report goes to review; on approval it is published (FeedbackPublished).
 * Trap: recorded histories hold reports without `clusters`; they must replay exactly as before, so the
 * answered-clusters rule (and the `clusters` field of the payload) applies only when `clusters` is a list.
 */
export const submitFeedbackReport = defineAction({
  name: 'feedback-report',
  roles: ['drafter'],
  stages: ['feedback'],
  summary:
    'Submit the adoption-feedback report (summary, how the draft changed; statistics and concentrated clusters are computed) for review.',
  decide(state, command, context) {
    const schema = S['feedback-report'];
    const payload: Record<string, unknown> = {
      summary: read(schema, command, 'summary'),
      draftChanges: read(schema, command, 'draftChanges'),
      statistics: fieldOf(command, 'statistics') ?? {},
    };
    const reported = fieldOf(command, 'clusters');
    if (Array.isArray(reported)) {
      const clusters = parseReportClusters(reported);
      assertClustersAnswered({ clusters });
      payload['clusters'] = clusters;
    }
    return addReview(state, 'feedback', payload, context);
  },
});

export type WithholdOpinion = CommandOf<'withhold-opinion'>;

/**
 * Moderation: an opinion is withheld from public display with a reason. It still counts and is still
 * answered in aggregate; the internal log keeps who withheld it and why.
 */
export const withholdOpinion = defineAction({
  name: 'withhold-opinion',
  roles: ['drafter', 'reviewer', 'manager'],
  stages: ['consultation', 'feedback', 'deciding', 'execution', 'evaluation'],
  summary: 'Withhold an opinion from public display with a reason (abuse, spam, personal data, off-topic).',
  decide(state, command) {
    const schema = S['withhold-opinion'];
    const reason = read(schema, command, 'reason');
    const data = { receipt: read(schema, command, 'receipt'), reason, note: fieldOf(command, 'note') ?? null };
    return { state, public: [], internal: { type: 'OpinionWithheld', data } };
  },
});
