import {
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  type CaseDeadline,
  caseDeadlines,
  type CaseEvent,
  type CaseState,
  deadlineDueAt,
  deadlineEvent,
  DEFAULT_DISCLOSURE_SETTINGS,
  DISCLOSURE_ACTIONS,
  type DisclosureAction,
  type DisclosureCommand,
  disclosureCommandEvent,
  DomainError,
  evolve,
  foldCase,
  FROZEN_CALENDAR,
  shanghaiDate,
  type StaffActor,
  SYSTEM_ACTOR,
  type WorkingCalendar,
} from '../libs/domain/src';
import type { DisclosureActivities } from './activities';
import {
  calendarChangedSignal,
  type DisclosureCaseView,
  disclosureUpdate,
  type DisclosureWorkflowInput,
  getDisclosureCaseQuery,
} from './definitions';
import { createExclusive } from './exclusive';
import { asFailure } from './failures';

const { appendCaseStep, loadCalendar } = proxyLocalActivities<DisclosureActivities>({
  startToCloseTimeout: '30 seconds',
  localRetryThreshold: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', nonRetryableErrorTypes: ['LogConflictError'] },
});

/**
 * Patch: a reply is issued only from a draft another staff member approved, with its document's sha256
 * (ADR 102). Runs started before it keep replying without review (their histories replay unchanged).
 */
export const DISCLOSURE_REPLY_REVIEW = 'disclosure-reply-review';

/** A run continues as new once its history is this long (or the server suggests it), at a quiet point. */
const MAX_RUN_HISTORY_EVENTS = 2_000;

/**
 * One disclosure request's case (issue 18, ADR 83). The state is `foldCase` over the case events: each
 * staff command is an Update whose validator applies the pure rule (a refusal records nothing) and whose
 * handler appends the event to the hash-chained case log (`appendCaseStep`) before the state changes.
 * The run sleeps until the next deadline of `caseDeadlines` (a durable timer) or the next step: a lapsed
 * correction or payment period closes the case as abandoned, a consultation's period lapses, and the reply
 * due date passing records `ReplyOverdue` once. A calendar change (the decisions' signal) recomputes every
 * deadline. The run ends when the case is archived.
 */
export async function disclosureRequestWorkflow(input: DisclosureWorkflowInput): Promise<void> {
  const { requestId } = input;
  const given = input.settings ?? DEFAULT_DISCLOSURE_SETTINGS;
  const settings = given.reviewReplies || patched(DISCLOSURE_REPLY_REVIEW) ? { ...given, reviewReplies: true } : given;
  let state: CaseState = input.carried?.state ?? foldCase([input.received], FROZEN_CALENDAR, settings);
  let seq = input.carried?.seq ?? 1;
  let calendar: WorkingCalendar | undefined = input.carried?.calendar;
  /** The latest date in the log: a step cannot be dated before it. */
  let lastDate = input.carried?.lastDate ?? input.received.date;
  let steps = 0;
  /** Deadlines the rules refused to close (a case in a stage that cannot be archived): never retried. */
  const refused = new Set<string>();
  const exclusive = createExclusive();
  const today = (): string => shanghaiDate(new Date());
  const pending = (): CaseDeadline[] => (calendar ? caseDeadlines(state, calendar, settings) : []);
  const view = (): DisclosureCaseView => ({
    requestId,
    seq,
    state,
    deadlines: pending(),
    calendarVersion: calendar?.version ?? null,
  });

  const commit = async (event: CaseEvent, actor: Record<string, unknown>, next: CaseState): Promise<void> => {
    await appendCaseStep({
      requestId,
      seq: seq + 1,
      occurredAt: new Date().toISOString(),
      actor,
      event,
      stage: next.stage,
      ...(next.closed ? { outcome: next.closed.outcome, closedDate: next.closed.date } : {}),
    });
    seq += 1;
    state = next;
    if (event.date > lastDate) lastDate = event.date;
    steps += 1;
  };

  setHandler(getDisclosureCaseQuery, view);

  // Queued first on the lock: every step counts on the calendar the run recorded (an activity result).
  if (!calendar)
    void exclusive(async () => {
      calendar = await loadCalendar({});
      steps += 1;
    });

  setHandler(calendarChangedSignal, ({ version }) =>
    exclusive(async () => {
      if (calendar && calendar.version >= version) return;
      calendar = await loadCalendar({});
      steps += 1;
    }),
  );

  const eventOf = (action: DisclosureAction, actor: StaffActor, command: DisclosureCommand): CaseEvent =>
    disclosureCommandEvent(action, command, actor, today(), lastDate);
  for (const action of DISCLOSURE_ACTIONS) {
    setHandler(
      disclosureUpdate(action),
      ({ actor, command }) =>
        exclusive(async () => {
          // Re-checked under the lock: a step in between may have changed the state since validation.
          const event = asFailure(() => eventOf(action, actor, command));
          const next = asFailure(() => evolve(state, event, calendar!, settings));
          await commit(event, { accountId: actor.accountId, role: actor.role }, next);
          return view();
        }),
      {
        validator: ({ actor, command }: { actor: StaffActor; command: DisclosureCommand }) => {
          const event = asFailure(() => eventOf(action, actor, command));
          if (calendar) asFailure(() => evolve(state, event, calendar!, settings));
        },
      },
    );
  }

  /** Records what a passed deadline means, unless a step in between moved or removed it. */
  const fire = (deadline: CaseDeadline): Promise<void> =>
    exclusive(async () => {
      const still = pending().find((d) => keyOf(d) === keyOf(deadline));
      if (!still || deadlineDueAt(still) > Date.now()) return;
      const event = deadlineEvent(still, today());
      if (!event) return;
      try {
        await commit(event, { ...SYSTEM_ACTOR }, evolve(state, event, calendar!, settings));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        log.warn('a passed deadline was not recorded', { requestId, deadline: keyOf(still), code: error.code });
        refused.add(keyOf(still));
      }
    });

  while (state.stage !== 'archive') {
    const seen = steps;
    const stepped = (): boolean => steps !== seen;
    const next = pending().find((d) => deadlineEvent(d, d.lastDay) && !refused.has(keyOf(d)));
    if (!next) await condition(stepped);
    else {
      const wait = deadlineDueAt(next) - Date.now();
      if (!(wait > 0 && (await condition(stepped, wait)))) await fire(next);
    }
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > MAX_RUN_HISTORY_EVENTS) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof disclosureRequestWorkflow>({
        ...input,
        settings,
        ...(calendar ? { carried: { state, seq, calendar, lastDate } } : {}),
      });
    }
  }
  await condition(allHandlersFinished);
}

/** A deadline's identity: its kind, its consultation and its last day (a moved deadline is a new one). */
function keyOf(deadline: CaseDeadline): string {
  return `${deadline.kind}:${'id' in deadline ? deadline.id : ''}:${deadline.lastDay}`;
}
