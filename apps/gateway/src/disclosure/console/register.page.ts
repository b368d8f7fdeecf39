import { APPLICANT_KINDS } from '../../../../../libs/domain/src';
import { csrfInput } from '../../site-shell/console/console-page';
import type { FormBody } from '../../site-shell/console/form-body';
import type { Refusal } from '../../site-shell/console/refusal';
import type { ConsoleSession } from '../../site-shell/console/session/console-session.guard';
import { html, type Html } from '../../site-shell/web/html';
import { defineMessages } from '../../site-shell/web/i18n';
import type { PageContext } from '../../site-shell/web/page-context';
import { type FormField, formFields, refusalBox } from './disclosure-forms';

const KIND_WORDS: Record<(typeof APPLICANT_KINDS)[number], { zh: string; en: string }> = {
  natural_person: { zh: '自然人', en: 'Natural person' },
  business: { zh: '商业企业', en: 'Business' },
  research: { zh: '科研机构', en: 'Research institution' },
  public_welfare: { zh: '社会公益组织', en: 'Public-welfare organisation' },
  legal_services: { zh: '法律服务机构', en: 'Legal-services organisation' },
  other: { zh: '其他', en: 'Other' },
};

/** The registration form's fields (the API body's, `contact.*` nested). */
export const REGISTER_FIELDS: readonly FormField[] = [
  {
    name: 'channel',
    label: { zh: '收到渠道', en: 'Channel' },
    kind: 'select',
    required: true,
    options: [
      { value: 'registered_post', label: { zh: '挂号信（签收之日）', en: 'Registered post (day signed for)' } },
      { value: 'in_person', label: { zh: '当面提交（提交之日）', en: 'In person (day handed in)' } },
      { value: 'fax', label: { zh: '传真（双方确认之日）', en: 'Fax (day both sides confirmed)' } },
      { value: 'ordinary_post', label: { zh: '平信（与申请人确认之日）', en: 'Ordinary post (day confirmed)' } },
    ],
  },
  {
    name: 'receivedOn',
    label: { zh: '收到申请之日', en: 'Day received' },
    kind: 'date',
    required: true,
    hint: { zh: '按条例第三十一条，视渠道而定。', en: 'As art.31 sets for the channel.' },
  },
  {
    name: 'applicantKind',
    label: { zh: '申请人类型', en: 'Applicant' },
    kind: 'select',
    required: true,
    options: APPLICANT_KINDS.map((k) => ({ value: k, label: KIND_WORDS[k] })),
  },
  { name: 'applicantName', label: { zh: '姓名或名称', en: 'Name' }, kind: 'text', required: true },
  { name: 'idDocumentType', label: { zh: '身份证件类型', en: 'Identity document' }, kind: 'text', required: true },
  {
    name: 'idDocumentNumber',
    label: { zh: '证件号码', en: 'Document number' },
    kind: 'text',
    required: true,
    hint: { zh: '只保存后四位和加密散列值。', en: 'Only its last four and a keyed hash are kept.' },
  },
  { name: 'contact.phone', label: { zh: '联系电话', en: 'Phone' }, kind: 'text' },
  { name: 'contact.email', label: { zh: '电子邮箱', en: 'E-mail' }, kind: 'text' },
  { name: 'contact.address', label: { zh: '通信地址', en: 'Postal address' }, kind: 'text' },
  {
    name: 'informationDescription',
    label: { zh: '所需信息的名称、文号或特征描述', en: 'The information: name, number or description' },
    kind: 'textarea',
    required: true,
  },
  {
    name: 'deliveryForm',
    label: { zh: '提供形式', en: 'Form' },
    kind: 'select',
    required: true,
    options: [
      { value: 'paper', label: { zh: '纸质', en: 'Paper' } },
      { value: 'electronic', label: { zh: '电子', en: 'Electronic' } },
    ],
  },
  {
    name: 'deliveryWay',
    label: { zh: '获取方式', en: 'Way' },
    kind: 'select',
    required: true,
    options: [
      { value: 'post', label: { zh: '邮寄', en: 'Post' } },
      { value: 'email', label: { zh: '电子邮件', en: 'E-mail' } },
      { value: 'pick_up', label: { zh: '自行领取', en: 'Pick up' } },
      { value: 'online', label: { zh: '网上获取', en: 'Online' } },
    ],
  },
];

const M = defineMessages(
  {
    title: '登记政府信息公开申请',
    hint: '登记以信件、当面或传真方式收到的申请；您是该申请的承办人。',
    submit: '登记',
    back: '返回申请列表',
  },
  {
    title: 'Register a disclosure request',
    hint: 'Register a request received by letter, in person or by fax; you become its handler.',
    submit: 'Register',
    back: 'Back to the requests',
  },
);

export function renderRegisterForm(
  context: PageContext,
  session: ConsoleSession,
  values: FormBody = {},
  refusal?: Refusal,
): { title: string; main: Html } {
  const { locale } = context;
  const m = M[locale];
  const main = html`<p><a href="/console/disclosure">${m.back}</a></p><h1>${m.title}</h1><p class="muted">${m.hint}</p>
${refusal ? refusalBox(refusal, locale) : ''}
<form method="post" action="/console/disclosure">${csrfInput(session)}${formFields('f-register', REGISTER_FIELDS, values, locale, refusal)}
<div><button type="submit">${m.submit}</button></div></form>`;
  return { title: m.title, main };
}
