import { problemText } from '../../site-shell/web/error-messages';
import { attrs, html, type Html } from '../../site-shell/web/html';
import { colon, defineMessages, type Locale } from '../../site-shell/web/i18n';

export const M = defineMessages(
  {
    heading: '关注此决策事项',
    intro:
      '留下电子邮箱，此决策事项每有一项公开进展都会通知您。提交后请查收确认邮件：确认后才开始通知。邮箱仅用于发送通知，不会公开，退订后即删除。',
    email: '接收通知的电子邮箱',
    follow: '关注',
    problem: '未能关注',
    sentTitle: '请查收确认邮件',
    sent: '如果该邮箱尚未关注此决策事项，我们已向它发送了一封确认邮件。请打开邮件中的链接完成确认；未经确认不会发送任何通知。',
    back: '返回决策事项',
    confirmTitle: '确认关注',
    confirmIntro: '点击下面的按钮，确认在此决策事项每有一项公开进展时接收电子邮件通知。',
    confirm: '确认关注',
    confirmedTitle: '已确认关注',
    confirmed: '关注已确认：此决策事项今后的每一项公开进展都会通知您。每封邮件都附有一键退订链接。',
    unsubscribeTitle: '退订通知',
    unsubscribeIntro: '点击下面的按钮，不再接收与此决策事项有关的电子邮件。',
    unsubscribe: '退订',
    unsubscribedTitle: '已退订',
    unsubscribed: '您已退订，今后不会再收到与此决策事项有关的邮件；您的邮箱地址已从关注名单中删除。',
    wasUnsubscribed: '此链接对应的通知已经退订。',
    linkTitle: '链接无效',
  },
  {
    heading: 'Follow this decision',
    intro:
      'Leave an e-mail address to be told of each public step of this decision. Then confirm with the link in the e-mail we send: nothing else is sent before. The address is used for these messages only, never published, and deleted when you unsubscribe.',
    email: 'E-mail for the updates',
    follow: 'Follow',
    problem: 'Could not follow',
    sentTitle: 'Check your e-mail',
    sent: 'If this address does not follow the decision yet, we sent it a confirmation message. Open its link to confirm; nothing else is sent before.',
    back: 'Back to the decision',
    confirmTitle: 'Confirm',
    confirmIntro: 'Press the button to confirm that you want an e-mail for each public step of this decision.',
    confirm: 'Confirm',
    confirmedTitle: 'Confirmed',
    confirmed:
      'Confirmed: you will be told of each public step of this decision. Every message has a one-click unsubscribe link.',
    unsubscribeTitle: 'Unsubscribe',
    unsubscribeIntro: 'Press the button to receive no more e-mail about this decision.',
    unsubscribe: 'Unsubscribe',
    unsubscribedTitle: 'Unsubscribed',
    unsubscribed:
      'You are unsubscribed and will receive no more e-mail about this decision; your address was removed from its followers.',
    wasUnsubscribed: 'The messages of this link were already unsubscribed.',
    linkTitle: 'Link not valid',
  },
);

const withLang = (path: string, lang: string | undefined): string =>
  lang ? `${path}${path.includes('?') ? '&' : '?'}lang=${encodeURIComponent(lang)}` : path;

/** The follow form on the decision page: a plain urlencoded POST, no JavaScript needed (ADR 95). */
export function renderFollowForm(
  decisionId: string,
  locale: Locale,
  lang: string | undefined,
  state: { email: string; error?: { code: string; status: number } } = { email: '' },
): Html {
  const m = M[locale];
  const action = withLang(`/decisions/${encodeURIComponent(decisionId)}/follow`, lang);
  const message = state.error ? problemText(state.error.code, state.error.status, locale) : '';
  return html`<section aria-labelledby="follow-h" id="follow"><h2 id="follow-h">${m.heading}</h2><p>${m.intro}</p>
${state.error ? html`<div class="notice notice--error" role="alert" id="follow-error"><strong>${m.problem}</strong>${colon(locale)}${message}</div>` : ''}
<form class="stack" method="post" action="${action}" accept-charset="utf-8">
<div class="field"><label for="follow-email">${m.email}</label>
<input type="email" id="follow-email" name="email" required maxlength="254" autocomplete="email"${attrs({ value: state.email, 'aria-invalid': state.error ? 'true' : undefined, 'aria-describedby': state.error ? 'follow-error' : undefined })}></div>
<div><button type="submit">${m.follow}</button></div>
</form></section>`;
}

/** A short page: a heading, a paragraph and a link back to the decision. */
export function messagePage(title: string, text: string, decisionId: string, locale: Locale, lang?: string): Html {
  const back = withLang(`/decisions/${encodeURIComponent(decisionId)}`, lang);
  return html`<h1>${title}</h1><p role="status">${text}</p><p><a href="${back}">${M[locale].back}</a></p>`;
}

/**
 * The confirm or unsubscribe page a mailed link opens: a button that POSTs the token, so that a mail
 * scanner following the link changes nothing (RFC 8058 §3.2 for unsubscribe; the same for confirm).
 */
export function tokenFormPage(
  kind: 'confirm' | 'unsubscribe',
  token: string,
  locale: Locale,
  lang: string | undefined,
): Html {
  const m = M[locale];
  const [title, intro, button] =
    kind === 'confirm'
      ? [m.confirmTitle, m.confirmIntro, m.confirm]
      : [m.unsubscribeTitle, m.unsubscribeIntro, m.unsubscribe];
  return html`<h1>${title}</h1><p>${intro}</p>
<form method="post" action="${withLang(`/follow/${kind}`, lang)}" accept-charset="utf-8">
<input type="hidden" name="token"${attrs({ value: token })}>
<div><button type="submit">${button}</button></div></form>`;
}
