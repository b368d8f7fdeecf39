import { InvalidCommandError } from '../errors/errors';
import { OUTCOMES, type Outcome } from './outcomes';

/**
 * A reply to a request: its outcome, the reasons, the competent agency (art.36(5)) and the remedy notice
 * (art.51). `validateReply` refuses a reply the law would not accept; `standardReplyText` gives the one
 * standard text per outcome (推行申请答复文书的标准化文本), citing its article, for staff to complete.
 */
export interface ReplyDraft {
  outcome: Outcome;
  reasons?: string;
  /** Set when the competent agency can be determined (art.36(5)): required then for `not_held`. */
  competentAgency?: { name: string; contact?: string };
  competentAgencyKnown?: boolean;
  remedyNotice?: string;
}

/** The remedy notice every reply carries (art.51); the periods are quoted in practice, not yet confirmed. */
export const STANDARD_REMEDY_NOTICE =
  '如对本答复不服，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。';

/** Shortest reasons accepted: a word is not a reason. */
export const MIN_REPLY_REASON_CHARS = 10;

export function validateReply(draft: ReplyDraft): void {
  const reasons = draft.reasons?.trim() ?? '';
  if (OUTCOMES[draft.outcome].reasonsRequired && [...reasons].length < MIN_REPLY_REASON_CHARS)
    throw new InvalidCommandError(
      'DISCLOSURE_REASONS_REQUIRED',
      `A reply of outcome ${draft.outcome} gives its reasons (${OUTCOMES[draft.outcome].article}).`,
      { outcome: draft.outcome },
    );
  if (draft.outcome === 'not_held' && draft.competentAgencyKnown && !draft.competentAgency?.name.trim())
    throw new InvalidCommandError(
      'DISCLOSURE_COMPETENT_AGENCY_REQUIRED',
      'The competent agency is known: the reply names it and its contact (art.36(5)).',
    );
  if (!draft.remedyNotice?.trim())
    throw new InvalidCommandError('DISCLOSURE_REMEDY_NOTICE_REQUIRED', 'Every reply states the remedies (art.51).');
}

const BODY: Readonly<Record<Outcome, string>> = {
  disclosed: '您申请的政府信息属于公开范围，现予提供（或告知获取的方式、途径和时间）。',
  partly_disclosed: '您申请的政府信息中部分内容不应公开，本机关对可以公开的部分予以提供，不予公开部分的理由如下：',
  withheld_state_secret: '您申请的政府信息属于国家秘密，不予公开。理由：',
  withheld_other_law: '您申请的政府信息属于法律、行政法规禁止公开的信息，不予公开。理由：',
  withheld_security: '您申请的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，不予公开。理由：',
  withheld_third_party: '您申请的政府信息涉及第三方合法权益，经征求意见，不予公开。理由：',
  withheld_internal: '您申请的政府信息属于行政机关的内部事务信息，可以不予公开。理由：',
  withheld_process: '您申请的政府信息属于行政机关在履行行政管理职能过程中形成的过程性信息，可以不予公开。理由：',
  withheld_enforcement_file: '您申请的政府信息属于行政执法案卷信息，可以不予公开。理由：',
  withheld_query: '您申请的信息属于行政查询事项，请依照相关法律、行政法规的规定办理。理由：',
  not_held: '经检索，本机关不掌握您申请的政府信息（或该信息不属于本机关负责公开）。理由：',
  needs_creation: '您申请的信息需要本机关对现有政府信息进行加工、分析，本机关可以不予提供。理由：',
  unclear_after_correction: '经补正，您的申请内容仍不明确，本机关无法提供。理由：',
  petition: '您的申请属于信访、投诉、举报等事项，不作为政府信息公开申请处理，可通过相应渠道提出。理由：',
  repeated: '您的申请与本机关已答复的申请相同，本机关不予重复处理。理由：',
  publication: '您申请的是公开出版物，可通过以下途径获取：',
  excessive: '您的申请数量、频次明显超过合理范围，且说明的理由不合理，本机关不予处理。理由：',
  confirm_or_reissue: '您的申请要求确认或重新出具已获取的信息，不作为政府信息公开申请处理。理由：',
  correction_lapsed: '您未在补正期限内补正申请，视为放弃申请，本机关不再处理。',
  fee_unpaid: '您未在收费通知规定的期限内缴纳信息处理费，视为放弃申请，本机关不再处理。',
  other: '对您的申请处理如下：',
};

/** The standard text of a reply of this outcome, with its basis in the Regulations and the remedy notice. */
export function standardReplyText(outcome: Outcome): string {
  const { article } = OUTCOMES[outcome];
  const basis = article === '—' ? '' : `根据《中华人民共和国政府信息公开条例》${article}的规定，`;
  return `${basis}${BODY[outcome]}\n${STANDARD_REMEDY_NOTICE}`;
}
