import type { Channel, WITHHOLD_REASONS } from '../../../../../libs/domain/src';
import type { Locale } from './i18n';

/**
 * Words for the log's vocabularies (channels, verdicts, severities, …) in both languages, shared by
 * the public site and the console. An unknown value (a newer log entry) shows as itself rather than failing.
 */
type Words = Record<string, Record<Locale, string>>;

const w = (zh: string, en: string): Record<Locale, string> => ({ 'zh-CN': zh, en });

/** Every channel of the domain has words (a missing one fails to compile). */
export const CHANNEL_WORDS: Record<Channel, Record<Locale, string>> = {
  online: w('网上征求意见', 'Online'),
  hearing: w('听证会', 'Hearing'),
  symposium: w('座谈会', 'Symposium'),
  field_visit: w('实地走访', 'Field visit'),
  written: w('书面征求意见', 'Written solicitation'),
  questionnaire: w('问卷调查', 'Questionnaire'),
  expert: w('专家咨询', 'Expert consultation'),
  media: w('媒体沟通', 'Media'),
};
const VERDICTS: Words = {
  adopted: w('采纳', 'Adopted'),
  partially_adopted: w('部分采纳', 'Partly adopted'),
  not_adopted: w('未采纳', 'Not adopted'),
  not_applicable: w('不适用', 'Not applicable'),
};
/** Every withholding reason has words; `other` covers older entries. */
export const WITHHELD_WORDS: Record<(typeof WITHHOLD_REASONS)[number] | 'other', Record<Locale, string>> = {
  abuse: w('含辱骂等不当内容', 'abusive'),
  spam: w('广告或重复刷屏', 'spam'),
  personal_data: w('含个人信息', 'personal data'),
  off_topic: w('与本决策无关', 'off topic'),
  other: w('其他', 'other'),
};
const SEVERITIES: Words = { low: w('一般', 'Low'), medium: w('较重', 'Medium'), high: w('严重', 'High') };
const RECTIFICATION: Words = { in_progress: w('整改中', 'In progress'), completed: w('已整改', 'Completed') };
const CONCLUSIONS: Words = {
  continue: w('继续执行', 'Continue'),
  adjust: w('调整', 'Adjust'),
  suspend: w('暂停执行', 'Suspend'),
  terminate: w('终止执行', 'Terminate'),
};
const TRIGGERS: Words = {
  scheduled: w('按计划', 'scheduled'),
  opinions: w('执行阶段公众意见较多', 'many opinions during execution'),
  manager: w('决策机关启动', 'started by the decision-making body'),
};
const OUTCOMES: Words = {
  adopted: w('通过', 'Adopted'),
  rejected: w('未通过', 'Rejected'),
  returned: w('退回修改', 'Returned for revision'),
};
const ROLES: Words = {
  drafter: w('承办单位', 'drafting unit'),
  reviewer: w('审查机构', 'review body'),
  manager: w('决策机关', 'decision-making body'),
  admin: w('管理员', 'administrator'),
  system: w('系统', 'system'),
};
const RECEIPT_STATUS: Words = {
  published: w('已收到，已公开', 'Received and published'),
  withheld: w(
    '已收到，未公开展示（仍计入统计并统一答复）',
    'Received, not shown publicly (still counted and answered in aggregate)',
  ),
  answered: w('已答复', 'Answered'),
};

const LEGALITY: Words = {
  lawful: w('合法', 'Lawful'),
  lawful_with_changes: w('修改后合法', 'Lawful with changes'),
  unlawful: w('不合法', 'Unlawful'),
};
const REVIEW_KINDS: Words = {
  draft: w('草案预公开', 'draft for publication'),
  feedback: w('采纳情况反馈', 'adoption feedback'),
  decision: w('决策公布', 'decision for publication'),
  progress: w('执行进展', 'progress report'),
  evaluation: w('评估报告', 'evaluation report'),
};

const pick = (words: Words, value: string, locale: Locale): string =>
  Object.hasOwn(words, value) ? words[value]![locale] : value;

export const channelName = (value: string, locale: Locale): string => pick(CHANNEL_WORDS, value, locale);
export const verdictName = (value: string, locale: Locale): string => pick(VERDICTS, value, locale);
export const withheldReasonName = (value: string, locale: Locale): string => pick(WITHHELD_WORDS, value, locale);
export const severityName = (value: string, locale: Locale): string => pick(SEVERITIES, value, locale);
export const rectificationName = (value: string, locale: Locale): string => pick(RECTIFICATION, value, locale);
export const conclusionName = (value: string, locale: Locale): string => pick(CONCLUSIONS, value, locale);
export const triggerName = (value: string, locale: Locale): string => pick(TRIGGERS, value, locale);
export const outcomeName = (value: string, locale: Locale): string => pick(OUTCOMES, value, locale);
export const roleName = (value: string, locale: Locale): string => pick(ROLES, value, locale);
export const legalityName = (value: string, locale: Locale): string => pick(LEGALITY, value, locale);
export const reviewKindName = (value: string, locale: Locale): string => pick(REVIEW_KINDS, value, locale);
export const receiptStatusName = (value: string, locale: Locale): string => pick(RECEIPT_STATUS, value, locale);

const DUE: Words = {
  consultation_opens: w('征求意见开始', 'Consultation opens'),
  consultation_closes: w('征求意见截止', 'Consultation closes'),
  review: w('审查期限', 'Review due'),
  feedback: w('采纳情况反馈期限', 'Adoption feedback due'),
  legality_review: w('合法性审查期限', 'Legality review due'),
  publication: w('决策公布期限', 'Publication due'),
  milestone: w('里程碑期限', 'Milestone due'),
  rectification: w('整改期限', 'Rectification due'),
  evaluation: w('计划评估时间', 'Evaluation due'),
};
/** What a due date is for (`DueItem.what`). */
export const dueName = (value: string, locale: Locale): string => pick(DUE, value, locale);
