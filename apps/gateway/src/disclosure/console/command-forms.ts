import {
  type CaseState,
  type DisclosureAction,
  OUTCOME_KEYS,
  OUTCOMES,
  REPLY_REVIEWER_ROLES,
  type StaffActor,
} from '../../../../../libs/domain/src';
import type { FormField } from './disclosure-forms';

type Words = { zh: string; en: string };

const date: FormField = {
  name: 'date',
  label: { zh: '办理日期', en: 'Date of the step' },
  kind: 'date',
  hint: { zh: '不填为今天；补录时填实际日期。', en: 'Empty for today; the day it happened when recorded later.' },
};
const days = (label: Words, hint?: Words): FormField => ({
  name: 'workingDays',
  label,
  kind: 'number',
  required: true,
  ...(hint ? { hint } : {}),
});

/** The console form of every staff command on a case: its title and fields (the API body's, ADR 38 style). */
export const COMMAND_FORMS: Readonly<Record<DisclosureAction, { title: Words; fields: readonly FormField[] }>> = {
  'move-stage': {
    title: { zh: '进入下一阶段', en: 'Move to the next stage' },
    fields: [
      {
        name: 'to',
        label: { zh: '阶段', en: 'Stage' },
        kind: 'select',
        required: true,
        options: [
          { value: 'review', label: { zh: '审核', en: 'Review' } },
          { value: 'handling', label: { zh: '办理', en: 'Handling' } },
        ],
      },
      date,
    ],
  },
  'request-correction': {
    title: { zh: '一次性告知补正（条例第三十条）', en: 'Ask for a correction, once (art.30)' },
    fields: [
      {
        name: 'periodWorkingDays',
        label: { zh: '补正期限（工作日）', en: 'Correction period (working days)' },
        kind: 'number',
        required: true,
      },
      date,
    ],
  },
  'receive-correction': {
    title: { zh: '收到补正后的申请', en: 'Corrected request received' },
    fields: [date],
  },
  'start-consultation': {
    title: { zh: '征求意见（第三方或其他机关）', en: 'Consult a third party or co-producer' },
    fields: [
      { name: 'id', label: { zh: '征求意见书编号', en: 'Letter reference' }, kind: 'text', required: true },
      {
        name: 'kind',
        label: { zh: '征求对象', en: 'Consulted party' },
        kind: 'select',
        required: true,
        options: [
          { value: 'third_party', label: { zh: '第三方（第三十二条）', en: 'Third party (art.32)' } },
          { value: 'co_producer', label: { zh: '共同制作机关（第三十四条）', en: 'Co-producing agency (art.34)' } },
        ],
      },
      {
        name: 'deliveredDate',
        label: { zh: '对方收到征求意见书之日', en: 'Day the party received the letter' },
        kind: 'date',
        required: true,
      },
      date,
    ],
  },
  'answer-consultation': {
    title: { zh: '收到征求意见的答复', en: 'Consultation answered' },
    fields: [
      { name: 'id', label: { zh: '征求意见书编号', en: 'Letter reference' }, kind: 'text', required: true },
      { name: 'consent', label: { zh: '同意公开', en: 'Consents to disclosure' }, kind: 'yesno', required: true },
      date,
    ],
  },
  'grant-extension': {
    title: { zh: '批准延长答复期限（负责人，第三十三条）', en: 'Approve an extension (the head, art.33)' },
    fields: [
      days({ zh: '延长的工作日数', en: 'Working days added' }, { zh: '最长20个工作日。', en: 'At most 20.' }),
      {
        name: 'notifiedDate',
        label: { zh: '告知申请人之日', en: 'Day the applicant was told' },
        kind: 'date',
        required: true,
      },
      date,
    ],
  },
  'set-custom-period': {
    title: { zh: '另行确定答复期限（第三十五条）', en: 'Set a custom period (art.35)' },
    fields: [
      days({ zh: '答复期限（工作日）', en: 'Period (working days)' }),
      { name: 'reason', label: { zh: '理由', en: 'Reason' }, kind: 'textarea', required: true },
      date,
    ],
  },
  'notice-fee': {
    title: { zh: '发出收费通知', en: 'Send the fee notice' },
    fields: [
      { name: 'amountYuan', label: { zh: '金额（元）', en: 'Amount (yuan)' }, kind: 'number', required: true },
      date,
    ],
  },
  'record-payment': { title: { zh: '登记已缴费', en: 'Record the payment' }, fields: [date] },
  'draft-reply': {
    title: { zh: '起草答复', en: 'Draft the reply' },
    fields: [
      {
        name: 'outcome',
        label: { zh: '答复类型', en: 'Outcome' },
        kind: 'select',
        required: true,
        options: OUTCOME_KEYS.filter((k) => k !== 'correction_lapsed' && k !== 'fee_unpaid').map((k) => ({
          value: k,
          label: {
            zh: `${OUTCOMES[k].zh}（${OUTCOMES[k].article}）`,
            en: `${OUTCOMES[k].en} (${OUTCOMES[k].article})`,
          },
        })),
      },
      {
        name: 'reasons',
        label: { zh: '理由', en: 'Reasons' },
        kind: 'textarea',
        hint: { zh: '不予公开、无法提供等须说明理由。', en: 'Required when the outcome withholds or refuses.' },
      },
      {
        name: 'competentAgencyKnown',
        label: { zh: '能够确定负责公开的机关', en: 'The competent agency is known' },
        kind: 'checkbox',
      },
      { name: 'competentAgency.name', label: { zh: '负责公开的机关', en: 'Competent agency' }, kind: 'text' },
      { name: 'competentAgency.contact', label: { zh: '该机关联系方式', en: 'Its contact' }, kind: 'text' },
      { name: 'remedyNotice', label: { zh: '救济途径告知', en: 'Remedy notice' }, kind: 'textarea', required: true },
      date,
    ],
  },
  'review-reply': {
    title: { zh: '审核答复（四眼原则）', en: 'Review the reply (four eyes)' },
    fields: [
      { name: 'approved', label: { zh: '同意发出', en: 'Approve' }, kind: 'yesno', required: true },
      { name: 'note', label: { zh: '审核意见', en: 'Note' }, kind: 'textarea' },
      date,
    ],
  },
  reply: {
    title: { zh: '发出答复书', en: 'Issue the reply' },
    fields: [
      {
        ...date,
        hint: {
          zh: '生成答复书（PDF），其SHA-256记入办理记录。',
          en: 'Renders the document (PDF); its SHA-256 goes into the case log.',
        },
      },
    ],
  },
  archive: { title: { zh: '归档', en: 'Archive' }, fields: [date] },
};

/**
 * The commands worth offering on a case now, for `actor` (the fold still decides: a form offered is not a
 * promise). The extension is offered to managers, the review to reviewers and managers.
 */
export function offeredCommands(state: CaseState, actor: StaffActor): DisclosureAction[] {
  if (state.stage === 'archive') return [];
  if (state.closed) return ['archive'];
  const offered: DisclosureAction[] = [];
  const awaitingCorrection = state.correction && !state.correction.receivedDate;
  if (state.stage === 'registration' || state.stage === 'review') offered.push('move-stage');
  if (!state.correction) offered.push('request-correction');
  if (awaitingCorrection) offered.push('receive-correction');
  if (state.stage === 'handling') {
    offered.push('start-consultation');
    if (state.consultations.some((c) => !c.endDate)) offered.push('answer-consultation');
    if (!state.extension && actor.role === 'manager') offered.push('grant-extension');
    if (!state.customPeriod) offered.push('set-custom-period');
    if (!state.fee) offered.push('notice-fee');
    if (state.fee && !state.fee.paidDate) offered.push('record-payment');
    offered.push('draft-reply');
    const draft = state.replyDraft;
    if (draft && !draft.review && (REPLY_REVIEWER_ROLES as readonly string[]).includes(actor.role))
      offered.push('review-reply');
    if (draft?.review?.approved) offered.push('reply');
  }
  return offered;
}
