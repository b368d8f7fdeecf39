import type { DueItem } from '../../../../../libs/domain/src';
import type { Locale } from '../web/i18n';

/** What a due item is, in words; a missing kind fails to compile. */
export const DUE_NAMES: Record<DueItem['what'], Record<Locale, string>> = {
  consultation_opens: { 'zh-CN': '征求意见开始', en: 'Consultation opens' },
  consultation_closes: { 'zh-CN': '征求意见截止', en: 'Consultation closes' },
  review: { 'zh-CN': '待审查（四眼原则）', en: 'Awaiting review (four-eyes)' },
  feedback: { 'zh-CN': '采纳情况反馈', en: 'Adoption feedback' },
  legality_review: { 'zh-CN': '合法性审查', en: 'Legality review' },
  publication: { 'zh-CN': '决策公布', en: 'Publication of the decision' },
  milestone: { 'zh-CN': '执行里程碑', en: 'Execution milestone' },
  rectification: { 'zh-CN': '整改期限', en: 'Rectification deadline' },
  evaluation: { 'zh-CN': '决策后评估', en: 'Post-decision evaluation' },
};

export const dueName = (item: DueItem, locale: Locale): string =>
  DUE_NAMES[item.what][locale] + (item.ref ? ` (${item.ref})` : '');
