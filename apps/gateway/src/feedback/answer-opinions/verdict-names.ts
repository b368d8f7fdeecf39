import type { Verdict } from '../../../../../libs/domain/src';
import type { Locale } from '../../site-shell/web/i18n';

export const VERDICT_NAMES: Record<Verdict, Record<Locale, string>> = {
  adopted: { 'zh-CN': '采纳', en: 'Adopted' },
  partially_adopted: { 'zh-CN': '部分采纳', en: 'Partly adopted' },
  not_adopted: { 'zh-CN': '不予采纳', en: 'Not adopted' },
  not_applicable: { 'zh-CN': '与决策无关', en: 'Not applicable (off-topic)' },
};
