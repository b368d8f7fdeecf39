/**
 * The outcome taxonomy of a reply: the 21 outcome rows of the annual report's Table 3 (国办公开办函〔2021〕30号),
 * each with the article it rests on (OGI Regulations 2019; the row→article mapping is ours, see
 * docs/disclosure.md) and whether the law asks the reply to give reasons. Row keys are stable identifiers:
 * they are stored in the case log and counted by the annual report.
 */
export interface OutcomeRow {
  /** The Table 3 group: 一 予以公开 … 六 其他处理. */
  group: 'disclosed' | 'partly_disclosed' | 'withheld' | 'cannot_provide' | 'not_handled' | 'other';
  zh: string;
  en: string;
  article: string;
  reasonsRequired: boolean;
}

const row = (
  group: OutcomeRow['group'],
  zh: string,
  en: string,
  article: string,
  reasonsRequired = true,
): OutcomeRow => ({ group, zh, en, article, reasonsRequired });

export const OUTCOMES = {
  disclosed: row('disclosed', '予以公开', 'Disclosed', '第三十六条第（一）（二）项', false),
  partly_disclosed: row('partly_disclosed', '部分公开', 'Partly disclosed', '第三十七条'),
  withheld_state_secret: row('withheld', '属于国家秘密', 'State secret', '第十四条'),
  withheld_other_law: row('withheld', '其他法律行政法规禁止公开', 'Barred by another law', '第十四条'),
  withheld_security: row('withheld', '危及“三安全一稳定”', 'Endangers security or stability', '第十四条'),
  withheld_third_party: row('withheld', '保护第三方合法权益', 'Protects a third party', '第十五条、第三十二条'),
  withheld_internal: row('withheld', '属于三类内部事务信息', 'Internal affairs', '第十六条第一款'),
  withheld_process: row('withheld', '属于四类过程性信息', 'Process information', '第十六条第二款'),
  withheld_enforcement_file: row('withheld', '属于行政执法案卷', 'Enforcement file', '第十六条第二款'),
  withheld_query: row('withheld', '属于行政查询事项', 'Administrative query', '第三十六条第（七）项'),
  not_held: row('cannot_provide', '本机关不掌握相关政府信息', 'Not held by this agency', '第三十六条第（四）（五）项'),
  needs_creation: row('cannot_provide', '没有现成信息需要另行制作', 'Would need to be created', '第三十八条'),
  unclear_after_correction: row(
    'cannot_provide',
    '补正后申请内容仍不明确',
    'Still unclear after correction',
    '第三十条',
  ),
  petition: row('not_handled', '信访举报投诉类申请', 'Petition or complaint', '第三十九条第一款'),
  repeated: row('not_handled', '重复申请', 'Repeated request', '第三十六条第（六）项'),
  publication: row('not_handled', '要求提供公开出版物', 'Asks for a publication', '第三十九条第二款'),
  excessive: row('not_handled', '无正当理由大量反复申请', 'Excessive without good reason', '第三十五条'),
  confirm_or_reissue: row('not_handled', '要求行政机关确认或重新出具已获取信息', 'Asks to confirm or reissue', '—'),
  correction_lapsed: row(
    'other',
    '申请人无正当理由逾期不补正、行政机关不再处理',
    'Correction not made in time',
    '第三十条',
    false,
  ),
  fee_unpaid: row(
    'other',
    '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理',
    'Fee not paid in time',
    '国办函〔2020〕109号',
    false,
  ),
  other: row('other', '其他', 'Other', '—'),
} as const satisfies Record<string, OutcomeRow>;

export type Outcome = keyof typeof OUTCOMES;
export const OUTCOME_KEYS = Object.keys(OUTCOMES) as Outcome[];

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'string' && Object.hasOwn(OUTCOMES, value);
}
