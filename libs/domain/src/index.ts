// The domain's public face: every name importers use, listed explicitly (no star re-exports, ADR 45). The code lives
// by concern: lifecycle/ (stages, the lifecycle table, actions and their command schemas, timers), log/ (the
// public and internal logs, JCS, SHA-256, timeline verification), opinions/, calendar/, accounts/, errors/.
// Imported by path instead, to keep what the workflows bundle small: the error catalogue's texts
// (errors/error-codes), the password rule with zxcvbn's dictionaries (accounts/staff-password) and the
// calendar data of migrations and repositories (calendar/calendar-snapshot, calendar/provisional-year).
export { actsForAllUnits, publicActor, type PublicActor, type Role, ROLES, type StaffActor } from './accounts/actors';
export { type DecisionRecord, projectDecision } from './lifecycle/decision-record';
export {
  afterAppend,
  type AuditFinding,
  type Channel,
  CHANNELS,
  type ConsultationPlan,
  type DecisionState,
  type DraftDocuments,
  type Hearing,
  initialState,
  type Milestone,
  type PendingReview,
  type ReviewKind,
  type StepEvents,
} from './lifecycle/decision-state';
export {
  DomainError,
  type DomainErrorKind,
  type ErrorCode,
  ForbiddenActionError,
  IllegalTransitionError,
  InvalidCommandError,
  LogConflictError,
} from './errors/errors';
export { type InternalEventDraft, SYSTEM_ACTOR } from './log/internal-log';
export { canonicalize } from './log/jcs';
export {
  type ChainBreak,
  type ChainProblem,
  type ChainVerdict,
  entryHashInput,
  findChainBreak,
  GENESIS_HASH,
  type PublicEventDraft,
  type PublicEventType,
  type PublicLogEntry,
  type Sha256Hex,
  verifyChain,
} from './log/public-log';
export {
  parsePublicEvent,
  PUBLIC_EVENT_SCHEMAS,
  type PublicEventData,
  type PublicFields,
  readPublicEvent,
} from './log/public-event-schemas';
export {
  describeChainBreak,
  shortHash,
  type TimelineProblem,
  type TimelineVerdict,
  verifyTimeline,
} from './log/timeline-verification';
export {
  applyRegistration,
  assertCanRegister,
  registerDecision,
  type RegisterDecision,
} from './lifecycle/register-decision';
export { isStage, type Stage, STAGES } from './lifecycle/stages';
export { changeStage, LIFECYCLE, lifecycleRow, type LifecycleRow, type StageTrigger } from './lifecycle/lifecycle';
export { ACTION_RULES, ACTIONS, decide, findAction, performAction } from './lifecycle/actions';
export {
  ACTION_NAMES,
  type ActionName,
  type Command,
  COMMAND_SCHEMAS,
  type CommandOf,
  isActionName,
  MilestoneInputSchema,
  WITHHOLD_REASONS,
  ATTACHMENT_TARGETS,
  type AttachmentTarget,
} from './lifecycle/command-schemas';
export { addCalendarDays, addWorkingDays, daysBetween, endOfShanghaiDay, shanghaiDate } from './calendar/calendar';
export {
  type ActionContext,
  assertAllowed,
  assertRole,
  type DecisionAction,
  defineAction,
  type Outcome,
  perform,
  toStep,
} from './lifecycle/decision-action';
export { type DecisionStatus, type DueItem, dueItems, statusOf, weightedProgress } from './lifecycle/decision-status';
export { DEFAULT_POLICY, type Policy } from './accounts/policy';
export {
  type DueTimer,
  dueTimers,
  EVALUATION_TRIGGER_WINDOW_DAYS,
  evaluationTriggeredByOpinions,
  evaluationTriggerSince,
  fireTimer,
  nextWake,
  type Wake,
} from './lifecycle/timers';
export {
  extendConsultation,
  type ExtendConsultation,
  noticeHearing,
  type NoticeHearing,
  recordChannel,
  type RecordChannel,
  submitFeedbackReport,
  type SubmitFeedbackReport,
  withholdOpinion,
  type WithholdOpinion,
} from './lifecycle/actions-consultation';
export {
  publishDecision,
  type PublishDecision,
  recordCollectiveDecision,
  type RecordCollectiveDecision,
  recordLegalityReview,
  type RecordLegalityReview,
  requestLegalityReview,
  type RequestLegalityReview,
  validateMilestones,
} from './lifecycle/actions-deciding';
export {
  approveShortening,
  planConsultation,
  type PlanConsultation,
  recordExpertOpinion,
  type RecordExpertOpinion,
  recordRiskAssessment,
  type RecordRiskAssessment,
  saveDraftVersion,
  type SaveDraftVersion,
  submitForDecision,
  submitForPublication,
} from './lifecycle/actions-drafting';
export {
  addMilestones,
  closeDecision,
  recordAccountability,
  type RecordAccountability,
  recordAuditFinding,
  type RecordAuditFinding,
  reportProgress,
  type ReportProgress,
  reportRectification,
  type ReportRectification,
  resumeExecution,
  startEvaluation,
  type StartEvaluation,
  submitEvaluationReport,
  type SubmitEvaluationReport,
} from './lifecycle/actions-execution';
export { approve, returnSubmission, type ReviewDecision } from './lifecycle/actions-review';
export { type MilestoneInput, planMilestones, publish } from './lifecycle/publications';
export { addReview, findReview, withoutReview } from './lifecycle/reviews';
export {
  type Deidentified,
  deidentify,
  isResidentIdNumber,
  MASK,
  type MaskKind,
  passesLuhn,
  type SubmitterContact,
} from './opinions/deidentify';
export { normalizeReceipt, RECEIPT_ALPHABET, RECEIPT_SYMBOLS, receiptFrom } from './opinions/receipt';
export { type ConsultationCounts, type OpinionInput, validateOpinion } from './opinions/opinion';
export { normalizeFollowEmail } from './notifications/follow-email';
export {
  MAX_MERGED_CLUSTERS,
  MAX_SPLIT_RECEIPTS,
  mergedKeywords,
  mergeTarget,
  normalizeClusterLabel,
  validateMergedClusters,
  validateSplitReceipts,
} from './opinions/cluster-edits';
export {
  ANSWER_TEXT_MAX_CHARS,
  type AnswerFields,
  type AnswersRequest,
  type AnswerTargetInput,
  type AnswerTemplate,
  expandAnswers,
  isVerdict,
  MAX_ANSWERS_PER_REQUEST,
  resolveAnswers,
  type ResolvedAnswer,
  templateIdsOf,
  type Verdict,
  VERDICTS,
} from './opinions/answers';
export {
  assertClustersAnswered,
  assertLabelsConfirmed,
  type LabelledCluster,
  type ClusterAnswer,
  type FeedbackReportInput,
  MIN_REASON_CHARS,
  parseReportClusters,
  reasonLength,
  type ReportCluster,
} from './opinions/feedback-report';
export { pureSha256Hex } from './log/sha256';
export {
  calendarOf,
  type CalendarYear,
  countWorkingDays,
  dayKind,
  type DueCount,
  FROZEN_CALENDAR,
  STATUTORY_SOURCE,
  type WorkingCalendar,
} from './calendar/working-calendar';
export { CALENDAR_YEARS, type CalendarArrangement, validateArrangement } from './calendar/calendar-arrangement';
export { applyCalendar, type Recomputation } from './calendar/apply-calendar';
export {
  type Table3,
  computeTable3,
  type Table3Column,
  type Table3Fact,
  type Table3Row,
  table3Balances,
  TABLE3_COLUMNS,
  table3FactsOfCase,
  TABLE3_ROWS,
} from './disclosure/annual-table3';
export {
  assertContinuesPublished,
  assertReportYear,
  assertTable3Checks,
  computeReportTables,
  computeTable4,
  emptyTable2,
  isReportOfficeKind,
  isReportOverdue,
  MAX_NARRATIVE_CHARS,
  type Narrative,
  NARRATIVE_SECTIONS,
  type NarrativeSection,
  nextReportStatus,
  readNarrative,
  readTable2,
  type RemedyKind,
  REMEDY_KINDS,
  type RemedyRecord,
  type RemedyResult,
  REMEDY_RESULTS,
  type ReportContent,
  reportDueDate,
  type ReportFacts,
  type ReportOfficeKind,
  REPORT_OFFICE_KINDS,
  reportOverdueAt,
  REPORT_REVIEWER_ROLES,
  type ReportStatus,
  REPORT_STATUSES,
  type ReportStep,
  type ReportTables,
  type Table2,
  type Table2Cell,
  TABLE2_CELLS,
  type Table4,
  type Table4Column,
  TABLE4_COLUMNS,
} from './disclosure/annual-report';
export {
  OUTCOME_GROUPS,
  type OutcomeGroup,
  type TimelinessCase,
  timelinessCaseOf,
  type TimelinessStatistics,
  timelinessStatistics,
} from './disclosure/timeliness';
export {
  consultationDeadline,
  CONSULTATION_WORKING_DAYS,
  CORRECTION_NOTICE_WORKING_DAYS,
  correctionNoticeDeadline,
  DEFAULT_DISCLOSURE_SETTINGS,
  type DisclosureSettings,
  MAX_EXTENSION_WORKING_DAYS,
  paymentDeadline,
  PAYMENT_WORKING_DAYS,
  REPLY_WORKING_DAYS,
  type ReplyClock,
  replyClock,
} from './disclosure/case-clock';
export {
  deadlineDueAt,
  deadlineEvent,
  DISCLOSURE_ACTIONS,
  type DisclosureAction,
  type DisclosureCommand,
  type DisclosureCommands,
  disclosureCommandEvent,
} from './disclosure/case-commands';
export { type CaseDeadline, caseDeadlines } from './disclosure/case-deadlines';
export {
  type CaseEvent,
  type CaseEventType,
  type ConsultationKind,
  type ReplyContent,
  type ReplyDraftState,
} from './disclosure/case-events';
export { REPLY_REVIEWER_ROLES } from './disclosure/reply-review';
export { type CaseState, evolve, foldCase, MIN_CUSTOM_PERIOD_REASON_CHARS } from './disclosure/case-state';
export {
  type FeeBasis,
  feeFor,
  FREE_PAGES,
  FREE_REQUESTS_PER_MONTH,
  monthlyRequestFees,
  pageFee,
  requestFee,
} from './disclosure/fees';
export {
  APPLICANT_KINDS,
  type ApplicantKind,
  type DeidentifiedDocument,
  deidentifyDocument,
  type DisclosureApplication,
  INTAKE_CHANNELS,
  type IntakeChannel,
  type ReceiptEvidence,
  receivedDate,
  validateApplication,
} from './disclosure/intake';
export {
  isOutcome,
  type Outcome as DisclosureOutcome,
  OUTCOME_KEYS,
  type OutcomeRow,
  OUTCOMES,
} from './disclosure/outcomes';
export {
  MIN_REPLY_REASON_CHARS,
  type ReplyDraft,
  STANDARD_REMEDY_NOTICE,
  standardReplyText,
  validateReply,
} from './disclosure/reply';
export {
  assertStageMove,
  canMoveStage,
  DISCLOSURE_STAGES,
  type DisclosureStage,
  STAGE_LABELS,
} from './disclosure/stages';
export { addWorkingDates, workingDaysBetween } from './disclosure/working-dates';
export {
  DISCLOSURE_RECEIPT_PREFIX,
  disclosureReceiptFrom,
  lookupSecretFrom,
  lookupSecretHash,
  maskedDocumentNumber,
  normalizeDisclosureReceipt,
  normalizeLookupSecret,
  SECRET_BYTES,
  SECRET_SYMBOLS,
} from './disclosure/applicant-access';
export { type ApplicantCaseView, applicantCaseView } from './disclosure/applicant-view';
export {
  DELIVERY_FORMS,
  DELIVERY_WAYS,
  ID_DOCUMENT_TYPES,
  type IdDocumentType,
  ONLINE_APPLICATION_LIMITS,
  UNASSIGNED_HANDLER_ID,
  validateOnlineApplication,
} from './disclosure/online-application';
export {
  ATTACHMENT_TYPES,
  type AttachmentKind,
  type AttachmentType,
  attachmentKind,
  checkAttachment,
  detectAttachmentType,
  MAX_ATTACHMENT_BYTES,
} from './attachments/attachment-content';
export { attachFile, releaseAttachments } from './lifecycle/actions-attachments';
