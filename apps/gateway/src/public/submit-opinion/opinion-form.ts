import { randomUUID } from 'node:crypto';
import { DEFAULT_POLICY } from '../../../../../libs/domain/src';
import { problemText, type PageProblemTexts } from '../../site-shell/web/error-messages';
import { attrs, html, type Html } from '../../site-shell/web/html';
import { colon, defineMessages, fill, type Locale } from '../../site-shell/web/i18n';

/** What the visitor typed, kept when the form comes back with an error. */
export interface OpinionFormValues {
  text: string;
  section: string;
  name: string;
  phone: string;
  email: string;
}

/**
 * The form's state: its values, the idempotency key made when the form was first rendered (a double
 * submit or a refresh of the POST sends the same key, so the opinion is stored once), and the error of
 * the last attempt.
 */
export interface OpinionFormState {
  values: OpinionFormValues;
  key: string;
  error?: { code: string; status: number; field: 'text' | 'section' | 'contact' | null };
}

export const emptyOpinionForm = (): OpinionFormState => ({
  values: { text: '', section: '', name: '', phone: '', email: '' },
  key: randomUUID(),
});

/** The form's own words for the codes an opinion can meet (more precise than the catalogue's). */
const OWN_TEXTS: PageProblemTexts = {
  OPINION_EMPTY: { 'zh-CN': '请填写意见内容。', en: 'Please write your opinion: the text is empty.' },
  OPINION_TOO_LONG: {
    'zh-CN': `意见内容最多 ${DEFAULT_POLICY.opinionMaxChars} 字，请删减后再提交。`,
    en: `An opinion has at most ${DEFAULT_POLICY.opinionMaxChars} characters; please shorten it.`,
  },
  INVALID_TEXT: {
    'zh-CN': '意见内容含有无法识别的字符，请删除后再提交。',
    en: 'The text contains characters that cannot be stored; please remove them.',
  },
  INVALID_FIELD: {
    'zh-CN': '条款和联系方式每项最多 200 字。',
    en: 'The section and each contact field have at most 200 characters.',
  },
  INVALID_IDEMPOTENCY_KEY: {
    'zh-CN': '表单已失效，请刷新页面后重新提交。',
    en: 'The form is no longer valid; reload the page and send again.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    'zh-CN': '这份表单已经提交过一条不同的意见。请刷新页面后再提交新的意见。',
    en: 'This form was already used for a different opinion. Reload the page to send a new one.',
  },
};

const M = defineMessages(
  {
    heading: '提交意见',
    intro:
      '意见提交后会得到回执编号，可凭回执查询处理状态和答复。公开展示的意见会隐去身份证号、电话、邮箱等个人信息；联系方式仅供承办单位使用，不会公开。',
    text: '意见内容（必填）',
    textHint: '最多 {max} 字',
    section: '涉及的条款（选填）',
    sectionHint: '例如：第三条',
    contact: '联系方式（选填，不公开）',
    name: '姓名',
    phone: '电话',
    email: '电子邮箱',
    send: '提交意见',
    problem: '意见未能提交',
  },
  {
    heading: 'Send your opinion',
    intro:
      'You get a receipt number once your opinion is stored; use it to look up its status and the answer. Published opinions have ID numbers, phone numbers, e-mail addresses and similar personal data masked; your contact details are for the drafting unit only and never published.',
    text: 'Your opinion (required)',
    textHint: 'At most {max} characters',
    section: 'Section it refers to (optional)',
    sectionHint: 'e.g. Article 3',
    contact: 'Contact (optional, never published)',
    name: 'Name',
    phone: 'Phone',
    email: 'E-mail',
    send: 'Send opinion',
    problem: 'Your opinion was not sent',
  },
);

/** The opinion form: a plain urlencoded POST to the decision's page, no JavaScript needed. */
export function renderOpinionForm(action: string, state: OpinionFormState, locale: Locale): Html {
  const m = M[locale];
  const { values, error } = state;
  const message = error ? problemText(error.code, error.status, locale, OWN_TEXTS) : '';
  const invalid = (field: 'text' | 'section' | 'contact'): boolean => error?.field === field;
  const errorFor = (field: 'text' | 'section' | 'contact'): Html | '' =>
    invalid(field) ? html`<span class="error" id="err-${field}">${message}</span>` : '';
  const described = (field: 'text' | 'section' | 'contact', hint?: string): string | undefined =>
    [hint, invalid(field) ? `err-${field}` : undefined].filter(Boolean).join(' ') || undefined;
  return html`<section aria-labelledby="form-h" id="opinion-form"><h2 id="form-h">${m.heading}</h2><p>${m.intro}</p>
${error ? html`<div class="notice notice--error" role="alert" id="form-error"><strong>${m.problem}</strong>${colon(locale)}${message}</div>` : ''}
<form class="stack" method="post" action="${action}#opinion-form" accept-charset="utf-8">
<input type="hidden" name="key"${attrs({ value: state.key })}>
<div class="field"><label for="op-text">${m.text}</label>${errorFor('text')}
<textarea id="op-text" name="text" required${attrs({ 'aria-invalid': invalid('text') ? 'true' : undefined, 'aria-describedby': described('text', 'op-text-hint') })}>${values.text}</textarea>
<span class="hint" id="op-text-hint">${fill(m.textHint, { max: DEFAULT_POLICY.opinionMaxChars })}</span></div>
<div class="field"><label for="op-section">${m.section}</label>${errorFor('section')}
<input type="text" id="op-section" name="section" maxlength="200"${attrs({ value: values.section, 'aria-invalid': invalid('section') ? 'true' : undefined, 'aria-describedby': described('section', 'op-section-hint') })}>
<span class="hint" id="op-section-hint">${m.sectionHint}</span></div>
<fieldset><legend>${m.contact}</legend>${errorFor('contact')}
<div class="field"><label for="op-name">${m.name}</label><input type="text" id="op-name" name="name" maxlength="200" autocomplete="name"${attrs({ value: values.name })}></div>
<div class="field"><label for="op-phone">${m.phone}</label><input type="tel" id="op-phone" name="phone" maxlength="200" autocomplete="tel"${attrs({ value: values.phone })}></div>
<div class="field"><label for="op-email">${m.email}</label><input type="email" id="op-email" name="email" maxlength="200" autocomplete="email"${attrs({ value: values.email })}></div>
</fieldset>
<div><button type="submit">${m.send}</button></div>
</form></section>`;
}
