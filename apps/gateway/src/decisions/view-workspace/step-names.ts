import type { Locale } from '../../site-shell/web/i18n';

const n = (zh: string, en: string): Record<Locale, string> => ({ 'zh-CN': zh, en });

/** Internal-log step types in words for the workspace's history; an unknown type shows as its code. */
const STEP_NAMES: Record<string, Record<Locale, string>> = {
  DecisionRegistered: n('登记决策事项', 'Registered'),
  DraftVersionSaved: n('保存草案新版本', 'Draft version saved'),
  ConsultationPlanned: n('制定征求意见方案', 'Consultation planned'),
  ShortenedConsultationApproved: n('批准缩短征求意见期', 'Shortened consultation approved'),
  PublicationSubmitted: n('提交审查', 'Submitted for review'),
  PublicationApproved: n('审查批准公开', 'Approved for publication'),
  PublicationReturned: n('审查退回', 'Returned by the reviewer'),
  SubmittedForDecision: n('提交决定', 'Submitted for decision'),
  ExpertOpinionRecorded: n('记录专家论证意见', 'Expert opinion recorded'),
  RiskAssessmentRecorded: n('记录风险评估', 'Risk assessment recorded'),
  AttachmentAdded: n('上传附件', 'File attached'),
  ConsultationOpened: n('开始征求意见', 'Consultation opened'),
  ConsultationClosed: n('征求意见截止', 'Consultation closed'),
  ConsultationExtended: n('延长征求意见期', 'Consultation extended'),
  HearingNoticed: n('发布听证会公告', 'Hearing noticed'),
  HearingHeld: n('记录听证会', 'Hearing recorded'),
  ChannelRecorded: n('记录线下渠道', 'Offline channel recorded'),
  OpinionWithheld: n('暂不公开意见', 'Opinion withheld'),
  FeedbackOverdue: n('反馈逾期', 'Feedback overdue'),
  LegalityReviewRequested: n('提请合法性审查', 'Legality review requested'),
  LegalityReviewRecorded: n('记录合法性审查意见', 'Legality review recorded'),
  CollectiveDecisionRecorded: n('记录集体讨论决定', 'Collective decision recorded'),
  PublicationOverdue: n('公布逾期', 'Publication overdue'),
  MilestonesPlanned: n('新增里程碑', 'Milestones planned'),
  MilestoneOverdue: n('里程碑逾期', 'Milestone overdue'),
  AuditFindingPublished: n('公布审计发现的问题', 'Audit finding published'),
  RectificationReported: n('报告整改情况', 'Rectification reported'),
  RectificationOverdue: n('整改逾期', 'Rectification overdue'),
  AccountabilityPublished: n('公布问责情况', 'Accountability published'),
  EvaluationStarted: n('启动决策后评估', 'Evaluation started'),
  EvaluatorNamed: n('指定评估单位', 'Evaluator named'),
  DecisionResumed: n('恢复执行', 'Execution resumed'),
  DecisionClosed: n('办结', 'Closed'),
  ReviewOverdue: n('审查逾期', 'Review overdue'),
};

export const stepName = (type: string, locale: Locale): string => STEP_NAMES[type]?.[locale] ?? type;
