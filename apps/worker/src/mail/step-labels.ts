import type { PublicEventType } from '../../../../libs/domain/src';

/**
 * The name of each public step in a follower's mail, zh-CN and English. The site's own words live in
 * the gateway (`site-shell/web/public-event-text*.ts`), which the worker may not import (no app imports
 * another); these are the same words, checked complete by the compiler.
 */
export const STEP_LABELS: Record<PublicEventType, readonly [zh: string, en: string]> = {
  DecisionRegistered: ['纳入决策事项目录', 'Entered in the catalogue of decisions'],
  DraftPublished: ['草案预公开', 'Draft published'],
  HearingNoticed: ['听证会公告', 'Hearing announced'],
  ConsultationOpened: ['征求意见', 'Consultation opened'],
  HearingHeld: ['听证会举行', 'Hearing held'],
  ChannelRecorded: ['线下征求意见', 'Offline consultation recorded'],
  ConsultationExtended: ['征求意见延期', 'Consultation extended'],
  ConsultationClosed: ['征求意见结束', 'Consultation closed'],
  FeedbackPublished: ['采纳情况反馈', 'Feedback on the opinions published'],
  DecisionAdopted: ['集体讨论通过', 'Adopted by collective discussion'],
  DecisionRejected: ['集体讨论未通过', 'Rejected by collective discussion'],
  DecisionReturned: ['退回修改', 'Returned for revision'],
  DecisionPublished: ['决策公布', 'Decision published'],
  MilestonePlanned: ['执行计划', 'Execution plan'],
  ProgressReported: ['执行进展', 'Progress reported'],
  MilestoneCompleted: ['里程碑完成', 'Milestone completed'],
  MilestoneOverdue: ['里程碑逾期', 'Milestone overdue'],
  AuditFindingPublished: ['审计发现', 'Audit finding'],
  RectificationReported: ['整改情况', 'Rectification reported'],
  AccountabilityPublished: ['问责情况', 'Accountability published'],
  EvaluationStarted: ['决策后评估启动', 'Evaluation started'],
  EvaluationPublished: ['评估报告', 'Evaluation report'],
  DecisionAdjusted: ['决策调整', 'Decision adjusted'],
  DecisionSuspended: ['暂停执行', 'Execution suspended'],
  DecisionTerminated: ['终止执行', 'Execution terminated'],
  DecisionResumed: ['恢复执行', 'Execution resumed'],
  DecisionClosed: ['办结归档', 'Closed and archived'],
  DueDateRecomputed: ['期限重新计算', 'Due date recomputed'],
  AttachmentAdded: ['附件公开', 'Attachment published'],
  AnnualReportPublished: ['年度报告公开', 'Annual report published'],
};

export const VERDICT_WORDS: Record<string, readonly [zh: string, en: string]> = {
  adopted: ['采纳', 'Adopted'],
  partially_adopted: ['部分采纳', 'Partly adopted'],
  not_adopted: ['未采纳', 'Not adopted'],
  not_applicable: ['不适用', 'Not applicable'],
};
