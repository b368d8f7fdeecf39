import type { Stage } from '../../../../../libs/domain/src';
import type { Locale } from './i18n';

/** Stage names shown on pages; a missing stage fails to compile. */
export const STAGE_NAMES: Record<Stage, Record<Locale, string>> = {
  drafting: { 'zh-CN': '起草', en: 'Drafting' },
  pre_disclosure: { 'zh-CN': '预公开', en: 'Pre-disclosure' },
  consultation: { 'zh-CN': '征求意见', en: 'Consultation' },
  feedback: { 'zh-CN': '意见反馈', en: 'Feedback' },
  deciding: { 'zh-CN': '审查决定', en: 'Deciding' },
  execution: { 'zh-CN': '执行', en: 'Execution' },
  evaluation: { 'zh-CN': '决策后评估', en: 'Evaluation' },
  suspended: { 'zh-CN': '暂停执行', en: 'Suspended' },
  closed: { 'zh-CN': '办结', en: 'Closed' },
};

export const stageName = (stage: Stage, locale: Locale): string => STAGE_NAMES[stage][locale];
