import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { DEFAULT_POLICY, DomainError, shanghaiDate } from '../../../libs/domain/src';
import {
  appendCaseLog,
  appendEvents,
  type AppendEventsOptions,
  clusterOpinions,
  countExecutionOpinions,
  currentCalendar,
  listOpenDecisionIds,
  listOpenDisclosureRequestIds,
  recordCheckpoint,
  recordReportOverdue,
  sealConsultation,
  TreeInconsistentError,
} from '../../../libs/persistence/src';
import type { NoteSigner } from '../../../libs/transparency/src';
import type {
  AnnualReportActivities,
  CalendarActivities,
  DecisionActivities,
  DisclosureActivities,
  NotificationActivities,
  TransparencyActivities,
} from '../../../workflows/activities';
import { createMailTransport, drainOutbox, MailServerUnavailableError, type MailSettings } from './mail/outbox-drain';

/**
 * The activity implementations, bound to their dependencies. `checkpointSigner` is the transparency
 * log's key (TLOG_SIGNING_KEY); without one, `makeCheckpoint` refuses and nothing is signed. Without
 * `mail` (SMTP_URL), `sendNotifications` refuses and the outbox waits.
 * `appendOptions` exists for one benchmark (ADR 0110); the worker's main never passes it.
 */
export function createActivities(
  dataSource: DataSource,
  checkpointSigner?: NoteSigner,
  mail?: MailSettings,
  appendOptions: AppendEventsOptions = {},
): DecisionActivities &
  CalendarActivities &
  TransparencyActivities &
  DisclosureActivities &
  NotificationActivities &
  AnnualReportActivities {
  const transport = mail ? createMailTransport(mail) : undefined;
  return {
    async appendEvents({ decisionId, ...events }) {
      await appendEvents(dataSource, decisionId, events, appendOptions);
    },
    sealConsultation({ decisionId }) {
      return sealConsultation(dataSource, decisionId, new Date());
    },
    /** Heartbeats after every page; a refusal (DomainError: answered, not sealed, …) is not retried. */
    async clusterOpinions({ decisionId }) {
      const context = Context.current();
      try {
        const summary = await clusterOpinions(dataSource, decisionId, DEFAULT_POLICY, new Date(), {
          onProgress: (progress) => context.heartbeat(progress),
        });
        return { opinions: summary.opinions, clusters: summary.clusters, concentrated: summary.concentrated };
      } catch (error) {
        if (error instanceof DomainError)
          throw ApplicationFailure.create({
            type: error.code,
            message: error.message,
            nonRetryable: error.code !== 'OPINIONS_CHANGED',
          });
        throw error;
      }
    },
    countExecutionOpinions({ decisionId, since }) {
      return countExecutionOpinions(dataSource, decisionId, since);
    },
    loadCalendar() {
      return currentCalendar(dataSource, new Date());
    },
    listOpenDecisions({ after, limit }) {
      return listOpenDecisionIds(dataSource, after, limit);
    },
    listOpenDisclosureRequests({ after, limit }) {
      return listOpenDisclosureRequestIds(dataSource, after, limit);
    },
    /** One step of a disclosure case: its log entry and the case row, in one transaction (ADR 69). */
    async appendCaseStep({ requestId, seq, occurredAt, actor, event, ...projection }) {
      await appendCaseLog(dataSource, requestId, [{ seq, occurredAt, actor, event }], projection);
    },
    /** An annual report's due date passed (ADR 0119): recorded once, nothing when published. */
    recordReportOverdue({ reportId }) {
      const now = new Date();
      return recordReportOverdue(dataSource, reportId, now, shanghaiDate(now));
    },
    /** Heartbeats after every message; an unreachable SMTP server is retried by the workflow's policy. */
    async sendNotifications({ limit }) {
      if (!mail || !transport)
        throw ApplicationFailure.nonRetryable('no SMTP_URL: this worker sends no mail', 'NO_SMTP');
      const context = Context.current();
      try {
        return await drainOutbox(dataSource, transport, mail, limit, (sent) => context.heartbeat({ sent }));
      } catch (error) {
        if (error instanceof MailServerUnavailableError)
          throw ApplicationFailure.retryable(error.message, 'SMTP_UNAVAILABLE');
        throw error;
      }
    },
    async makeCheckpoint() {
      if (!checkpointSigner)
        throw ApplicationFailure.nonRetryable('no TLOG_SIGNING_KEY: this worker signs no checkpoint', 'NO_SIGNING_KEY');
      try {
        const made = await recordCheckpoint(dataSource, checkpointSigner, new Date());
        return made ? { size: made.size } : null;
      } catch (error) {
        if (error instanceof TreeInconsistentError) throw ApplicationFailure.nonRetryable(error.message, error.code);
        throw error;
      }
    },
  };
}
