import { APPLICANT_KINDS, DELIVERY_FORMS, DELIVERY_WAYS, ID_DOCUMENT_TYPES } from '../../../../../libs/domain/src';
import type { Unit } from '../../../../../libs/persistence/src';
import { problemText, type PageProblemTexts } from '../../site-shell/web/error-messages';
import { attrs, html, type Html } from '../../site-shell/web/html';
import { colon, defineMessages, type Locale } from '../../site-shell/web/i18n';
import {
  APPLICANT_KIND_WORDS,
  DELIVERY_FORM_WORDS,
  DELIVERY_WAY_WORDS,
  ID_DOCUMENT_WORDS,
  word,
} from '../disclosure-words';
import type { ApplicationReceipt } from './apply-for-disclosure.handler';
import type { ApplicationField, ApplicationFormState } from './read-application-form';

/** The form's own words for codes whose catalogue words say less than the field beside them can. */
const OWN_TEXTS: PageProblemTexts = {
  DISCLOSURE_FIELD_REQUIRED: { 'zh-CN': '此项为必填项。', en: 'This field is required.' },
  INVALID_IDEMPOTENCY_KEY: {
    'zh-CN': '表单已失效，请刷新页面后重新提交。',
    en: 'The form is no longer valid; reload the page and send again.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    'zh-CN': '这份表单已经提交过一份不同的申请。请刷新页面后再提交新的申请。',
    en: 'This form was already used for a different application. Reload the page to send a new one.',
  },
};

export const M = defineMessages(
  {
    title: '政府信息公开申请',
    intro:
      '依据《中华人民共和国政府信息公开条例》第二十九条，请填写申请人信息、所需政府信息的描述以及获取信息的方式。提交后您将得到回执编号和查询密码，凭二者可查询办理进度和答复。',
    privacy: '您的姓名、证件号码和联系方式仅用于办理本申请，不会公开；证件号码只保存末四位和不可还原的摘要。',
    problem: '申请未能提交',
    agency: '受理机关（必填）',
    choose: '请选择',
    applicant: '申请人信息',
    kind: '申请人类型（必填）',
    name: '姓名或名称（必填）',
    nameHint: '自然人填写姓名；法人或其他组织填写全称',
    documentType: '证件类型（必填）',
    documentNumber: '证件号码（必填）',
    contact: '联系方式（至少填写一项）',
    phone: '电话',
    email: '电子邮箱',
    address: '通信地址',
    information: '所需信息',
    description: '所需政府信息的名称、文号或者便于查询的其他特征性描述（必填）',
    delivery: '获取信息的方式',
    form: '提供形式（必填）',
    way: '获取方式（必填）',
    wayHint: '选择邮寄须填写通信地址，选择电子邮件须填写电子邮箱',
    send: '提交申请',
    lookup: '已有回执编号？查询办理进度',
    sent: '申请已提交',
    receipt: '回执编号',
    secret: '查询密码',
    received: '收到申请日期',
    keep: '请立即抄写或保存回执编号和查询密码。查询密码只显示这一次，本机关也无法找回；凭回执编号和查询密码可查询办理进度和答复。',
    followUp: '查询办理进度',
  },
  {
    title: 'Request government information',
    intro:
      'Under art.29 of the Regulations on Open Government Information, give the applicant’s details, a description of the information you seek and how you want to receive it. You get a receipt number and a lookup secret; with both you can follow the request and read the reply.',
    privacy:
      'Your name, document number and contact details are used only to handle this request and are never published; of the document number only the last four characters and an irreversible digest are kept.',
    problem: 'Your request was not sent',
    agency: 'Agency (required)',
    choose: 'Choose',
    applicant: 'Applicant',
    kind: 'Applicant type (required)',
    name: 'Name (required)',
    nameHint: 'A person’s name, or the full name of the organisation',
    documentType: 'Identity document (required)',
    documentNumber: 'Document number (required)',
    contact: 'Contact (at least one)',
    phone: 'Phone',
    email: 'E-mail',
    address: 'Postal address',
    information: 'Information sought',
    description: 'The name, document number or another feature that identifies the information (required)',
    delivery: 'Receiving the information',
    form: 'Form (required)',
    way: 'Way (required)',
    wayHint: 'By post needs a postal address, by e-mail an e-mail address',
    send: 'Send request',
    lookup: 'Have a receipt? Follow your request',
    sent: 'Your request has been received',
    receipt: 'Receipt number',
    secret: 'Lookup secret',
    received: 'Received on',
    keep: 'Write down or save the receipt number and the lookup secret now. The secret is shown only this once and cannot be recovered; with both you can follow the request and read the reply.',
    followUp: 'Follow your request',
  },
);

const langQuery = (lang: string | undefined): string => (lang ? `?lang=${encodeURIComponent(lang)}` : '');

/** The application form: a plain urlencoded POST to `/disclosure/apply`, no JavaScript needed. */
export function renderApplicationForm(
  state: ApplicationFormState,
  units: readonly Unit[],
  locale: Locale,
  lang: string | undefined,
): Html {
  const m = M[locale];
  const { values, error } = state;
  const message = error ? problemText(error.code, error.status, locale, OWN_TEXTS) : '';
  const contactFields: ApplicationField[] = ['phone', 'email', 'address'];
  const invalid = (field: ApplicationField): boolean =>
    error?.field === field || (error?.field === 'contact' && contactFields.includes(field));
  const errorFor = (field: ApplicationField | 'contact'): Html | '' =>
    error?.field === field ? html`<span class="error" id="err-${field}">${message}</span>` : '';
  const aria = (field: ApplicationField, hint?: string): Html => {
    const ids = [hint, invalid(field) ? (error?.field === 'contact' ? 'err-contact' : `err-${field}`) : undefined];
    return attrs({
      'aria-invalid': invalid(field) ? 'true' : undefined,
      'aria-describedby': ids.filter(Boolean).join(' ') || undefined,
    });
  };
  const options = (field: ApplicationField, choices: ReadonlyArray<readonly [string, string]>): Html =>
    html`<option value="">${m.choose}</option>${choices.map(
      ([value, label]) => html`<option${attrs({ value, selected: values[field] === value })}>${label}</option>`,
    )}`;
  const select = (
    field: ApplicationField,
    label: string,
    choices: ReadonlyArray<readonly [string, string]>,
    hint?: string,
  ): Html =>
    html`<div class="field"><label for="da-${field}">${label}</label>${errorFor(field)}
<select id="da-${field}" name="${field}" required${aria(field, hint ? `da-${field}-hint` : undefined)}>${options(field, choices)}</select>${hint ? html`<span class="hint" id="da-${field}-hint">${hint}</span>` : ''}</div>`;
  const input = (
    field: ApplicationField,
    label: string,
    type: string,
    extra: Record<string, string> = {},
    hint?: string,
  ): Html =>
    html`<div class="field"><label for="da-${field}">${label}</label>${errorFor(field)}
<input type="${type}" id="da-${field}" name="${field}"${attrs({ value: values[field], ...extra })}${aria(field, hint ? `da-${field}-hint` : undefined)}>${hint ? html`<span class="hint" id="da-${field}-hint">${hint}</span>` : ''}</div>`;
  const listed = (keys: readonly string[], words: Readonly<Record<string, readonly [string, string]>>) =>
    keys.map((key) => [key, word(words, key, locale)] as const);
  return html`<h1>${m.title}</h1><p>${m.intro}</p><p>${m.privacy}</p>
${error ? html`<div class="notice notice--error" role="alert" id="form-error"><strong>${m.problem}</strong>${colon(locale)}${message}</div>` : ''}
<form class="stack" method="post" action="/disclosure/apply${langQuery(lang)}" accept-charset="utf-8">
<input type="hidden" name="key"${attrs({ value: state.key })}>
${select(
  'unit',
  m.agency,
  units.map((u) => [u.id, locale === 'en' ? u.nameEn : u.name] as const),
)}
<fieldset><legend>${m.applicant}</legend>
${select('applicantKind', m.kind, listed(APPLICANT_KINDS, APPLICANT_KIND_WORDS))}
${input('applicantName', m.name, 'text', { maxlength: '100', autocomplete: 'name', required: 'required' }, m.nameHint)}
${select('idDocumentType', m.documentType, listed(ID_DOCUMENT_TYPES, ID_DOCUMENT_WORDS))}
${input('idDocumentNumber', m.documentNumber, 'text', { maxlength: '40', autocomplete: 'off', spellcheck: 'false', required: 'required' })}
</fieldset>
<fieldset><legend>${m.contact}</legend>${errorFor('contact')}
${input('phone', m.phone, 'tel', { maxlength: '40', autocomplete: 'tel' })}
${input('email', m.email, 'email', { maxlength: '200', autocomplete: 'email' })}
${input('address', m.address, 'text', { maxlength: '300', autocomplete: 'street-address' })}
</fieldset>
<fieldset><legend>${m.information}</legend>
<div class="field"><label for="da-informationDescription">${m.description}</label>${errorFor('informationDescription')}
<textarea id="da-informationDescription" name="informationDescription" maxlength="5000" required${aria('informationDescription')}>${values.informationDescription}</textarea></div>
</fieldset>
<fieldset><legend>${m.delivery}</legend>
${select('deliveryForm', m.form, listed(DELIVERY_FORMS, DELIVERY_FORM_WORDS))}
${select('deliveryWay', m.way, listed(DELIVERY_WAYS, DELIVERY_WAY_WORDS), m.wayHint)}
</fieldset>
<div><button type="submit">${m.send}</button></div>
</form>
<p><a href="/disclosure/lookup${langQuery(lang)}">${m.lookup}</a></p>`;
}

/** The answer to a stored application: the receipt and the secret, shown in this response only. */
export function renderApplicationReceipt(stored: ApplicationReceipt, locale: Locale, lang: string | undefined): Html {
  const m = M[locale];
  return html`<h1>${m.title}</h1>
<div class="notice notice--ok" role="status"><h2>${m.sent}</h2>
<dl class="facts">
<dt>${m.receipt}</dt><dd><span class="receipt" id="receipt">${stored.receipt}</span></dd>
<dt>${m.secret}</dt><dd><span class="receipt" id="secret">${stored.secret}</span></dd>
<dt>${m.received}</dt><dd><time datetime="${stored.receivedDate}">${stored.receivedDate}</time></dd>
</dl>
<p>${m.keep}</p></div>
<p><a href="/disclosure/lookup${langQuery(lang)}">${m.followUp}</a></p>`;
}
