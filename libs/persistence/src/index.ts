export {
  type Account,
  authenticate,
  createAccountIfMissing,
  findAccount,
  upsertUnit,
} from './accounts/accounts.repository';
export { type AdminEventType, appendAdminEvent, isUniqueViolation } from './accounts/admin-events';
export {
  type AccountChange,
  type AccountView,
  type AdminOutcome,
  changeAccount,
  createAccount,
  createUnit,
  listAccounts,
  listUnits,
  type NewAccount,
  recordSignInLockoutEnded,
  type Unit,
} from './accounts/admin.repository';
export { DEMO_ACCOUNTS, DEMO_UNITS, seedDemoAccounts } from './accounts/demo-seed';
export { hashPassword, verifyPassword } from './accounts/password';
export { createDataSource, type DatabaseConfig, databaseConfigFrom, ENTITIES, openDatabase } from './data-source';
export { isDatabaseUnavailable, isUnstorableCharacter } from './database-errors';
export { DATA_DIR_MODE, DATABASE_FILE_MODE, protectDatabaseFile, protectDataDirectory } from './file-modes';
export { appendEvents, type AppendEventsOptions } from './event-log.repository';
export { sha256Hex } from './hash';
export {
  findPublicDecision,
  findPublicTimeline,
  findPublicTimelineHead,
  hasPublicIntake,
  type PublicDecision,
  toPublicDecision,
  toPublicLogEntry,
} from './public-read.repository';
export {
  PUBLIC_LOG_CHANNEL,
  PublicTimelineCache,
  timelineBody,
  timelineTag,
  type PublicTimelineCacheOptions,
  type ServedTimeline,
} from './public-timeline-cache';
export {
  type FeedDecision,
  findPublicDecisionFeed,
  findRecentPublicEntries,
  type PublicFeedPage,
  recentPublicEventsQuery,
} from './public-feed.repository';
export {
  type DecisionFilter,
  findDecision,
  listDecisions,
  type Page,
  publicCatalogueFacets,
} from './decision-read.repository';
export { searchableTexts, type SearchableTexts, searchTerms } from './decision-search';
export { rebuildReadModels } from './rebuild-read-models';
export { inTransaction } from './transaction';
export {
  findReceipt,
  listOpinionsForStaff,
  listPublishedOpinions,
  type OpinionToStore,
  type PublicOpinion,
  type ReceiptStatus,
  type StaffOpinion,
  type Stored,
  storeOpinion,
} from './opinions/opinion-intake.repository';
export { liveConsultationCounts, sealConsultation } from './opinions/seal.repository';
export {
  type OpenDataConsultation,
  type OpenDataDecision,
  type OpenDataOpinion,
  streamOpenDataDecisions,
  streamOpenDataOpinions,
} from './exports/open-data.repository';
export { OpinionGroupCommit } from './opinions/group-commit';
export { countExecutionOpinions } from './opinions/execution-opinions';
export { listRecordedAnswers, recordAnswers, type RecordedAnswer } from './opinions/answers.repository';
export {
  createAnswerTemplate,
  findAnswerTemplates,
  listAnswerTemplates,
  type StoredAnswerTemplate,
} from './opinions/answer-templates.repository';
export {
  concentratedClusters,
  feedbackReportFacts,
  feedbackStatistics,
  type FeedbackStatistics,
} from './opinions/feedback-report.repository';
export { appendFeedbackWork, NO_DECISION } from './opinions/feedback-work-log';
export {
  type FeedbackLookup,
  findPublishedFeedback,
  lookupReceipt,
  type PublishedFeedback,
  type ReceiptAnswer,
  type ReceiptView,
} from './opinions/public-feedback.repository';
export { type ClusteringOptions, type ClusteringSummary, clusterOpinions } from './opinions/clustering.repository';
export {
  clusteredRound,
  type ClusterPage,
  type ClusterKind,
  type ClusterView,
  findCluster,
  listClusterOpinions,
  listClusters,
  unknownCluster,
} from './opinions/clusters-read.repository';
export {
  confirmClusterLabel,
  correctClusterStance,
  mergeClusters,
  relabelCluster,
  splitCluster,
} from './opinions/clusters-edit.repository';
export { countDecisionsByStageAndUnit, listDueDecisions, type StageUnitCount } from './console-board.repository';
export {
  dueRefNames,
  type DueRefNames,
  findingTexts,
  type HistoryEntry,
  listDecisionHistory,
} from './decision-history.repository';
export {
  type CalendarChange,
  calendarChanges,
  calendarYears,
  currentCalendar,
  type EnterCalendarOutcome,
  enterCalendarYear,
  listOpenDecisionIds,
  type PublishedCalendarYear,
} from './calendar/calendar.repository';
export {
  claimStaffRequest,
  completeStaffRequest,
  currentStaffRequest,
  findStaffRequest,
  reserveStaffRequest,
  StaffRequestAppliedError,
  type StaffRequestRow,
  type StaffRequestScope,
  type StoredAnswer,
  withStaffRequest,
} from './idempotency/staff-requests';
export { findSessionAccount, revokeSession, type SessionClaim } from './accounts/sessions.repository';
export { DatabaseRateLimits } from './limits/rate-limits.repository';
export {
  appendTreeLeaves,
  backfillTree,
  checkpointOfSize,
  consistencyProofAt,
  type CosignatureRequest,
  cosignaturesOf,
  inclusionProofAt,
  latestCheckpoint,
  leafAt,
  leafOf,
  type NewCosignature,
  type NewLeaf,
  publicLogLeaf,
  recordCheckpoint,
  recordCosignatures,
  type RecordedCosignatures,
  type StoredCheckpoint,
  type StoredCosignature,
  treeRootAt,
  treeSize,
  TreeInconsistentError,
} from './transparency';
export {
  appendCaseLog,
  caseEntryHashInput,
  type CaseLogDraft,
  type CaseLogEntry,
  type CaseProjection,
  findCaseChainBreak,
  findDisclosureApplicant,
  findDisclosureRequest,
  listOpenDisclosureRequestIds,
  type NewDisclosureRequest,
  readCaseLog,
  registerDisclosureRequest,
} from './disclosure/disclosure.repository';
export {
  type ApplicantCaseRecord,
  type DisclosureAccess,
  findApplicantCase,
  findApplicationByKey,
  registerOnlineDisclosureRequest,
  type StoredApplication,
} from './disclosure/disclosure-access.repository';
export {
  type DisclosureCaseRecord,
  findIssuedReplyDocument,
  type IssuedReplyDocument,
  listDisclosureCases,
} from './disclosure/disclosure-cases.repository';
export {
  annualReportId,
  type AnnualReportRecord,
  changeAnnualReport,
  currentReportTables,
  findAnnualReport,
  listAnnualReports,
  listRemedies,
  openAnnualReport,
  readReportLog,
  recordRemedy,
  recordReportOverdue,
  type RemedyRecordRow,
  type ReportActor,
  type ReportChange,
  reportPublicEntry,
  table3FactsOfUnit,
} from './disclosure/annual-report.repository';
export { timelinessCases } from './disclosure/timeliness.repository';
export {
  AttachmentCorruptError,
  type AttachmentStore,
  DatabaseAttachmentStore,
  DirectoryAttachmentStore,
  openAttachmentStore,
  sha256Of,
  type StoredAttachment,
} from './attachments/attachment-store';
export { MailRecipientEntity, NotificationOutboxEntity } from './entities/notification.entity';
export {
  confirmFollower,
  findRecipientByToken,
  followDecision,
  type FollowOutcome,
  type RecipientByToken,
  unsubscribe,
} from './notifications/followers.repository';
export {
  claimMail,
  countPendingMail,
  loadMail,
  type MailOutcome,
  type OutgoingMail,
  settleMail,
} from './notifications/outbox.repository';
