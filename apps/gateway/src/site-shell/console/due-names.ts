import type { DueItem } from '../../../../../libs/domain/src';
import { inBrackets, type Locale } from '../web/i18n';

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

/**
 * The due item in words, with what it belongs to: `refName` names a milestone, finding or review
 * (ADR 108); without one, or for a ref it does not know, the ref's code in brackets.
 */
export const dueName = (item: DueItem, locale: Locale, refName?: (ref: string) => string | undefined): string =>
  DUE_NAMES[item.what][locale] + (item.ref ? inBrackets(refName?.(item.ref) ?? item.ref, locale) : '');
