import { html, type Html } from '../web/html';
import { defineMessages, fill } from '../web/i18n';
import type { PageContext } from '../web/page-context';
import { RULE_TEXTS } from '../console/rule-texts';
import { CSRF_FIELD } from '../console/session/console-session';

const M = defineMessages(
  {
    title: '工作人员登录',
    intro: '起草、审查和分管领导人员在此登录工作台。',
    username: '用户名',
    password: '密码',
    submit: '登录',
    credentials: '用户名或密码不正确，或账号已停用。',
    csrf: '登录表单已过期或来源不可信，请重新提交。',
    retry: '请在约 {minutes} 分钟后再试。',
    locked: '这个用户名从各处的登录失败次数过多，已暂时锁定；可等待后再试，或请管理员解除锁定。',
  },
  {
    title: 'Staff sign-in',
    intro: 'Drafters, reviewers and managers sign in to the console here.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    credentials: 'Unknown username or wrong password, or the account is disabled.',
    csrf: 'The sign-in form expired or did not come from this site; please send it again.',
    retry: 'Try again in about {minutes} min.',
    locked:
      'This username had too many failed sign-ins from all addresses together and is locked for now; wait, or ask an administrator to end the lockout.',
  },
);

/** Why the form is shown again; LOGIN_THROTTLED did not check the password (ADR 22, 31). */
export type SignInFailure =
  | { code: 'INVALID_CREDENTIALS' | 'CSRF_INVALID' }
  | { code: 'LOGIN_THROTTLED'; retryAfterSeconds: number; accountLocked?: boolean };

export interface SignInView {
  csrf: string;
  next: string;
  username: string;
  failed: SignInFailure | undefined;
}

function failureText(failed: SignInFailure, m: (typeof M)['en'], locale: PageContext['locale']): string {
  switch (failed.code) {
    case 'INVALID_CREDENTIALS':
      return m.credentials;
    case 'CSRF_INVALID':
      return m.csrf;
    case 'LOGIN_THROTTLED':
      return `${failed.accountLocked ? m.locked : RULE_TEXTS['LOGIN_THROTTLED']![locale]} ${fill(m.retry, { minutes: Math.ceil(failed.retryAfterSeconds / 60) })}`;
  }
}

export function renderSignIn(context: PageContext, view: SignInView): { title: string; main: Html } {
  const m = M[context.locale];
  const error = view.failed
    ? html`<p class="notice notice--error" role="alert" id="sign-in-error">${failureText(view.failed, m, context.locale)}</p>`
    : '';
  const main = html`<h1>${m.title}</h1><p>${m.intro}</p>${error}
<form method="post" action="/console/login?lang=${context.locale}" class="stack narrow">
<input type="hidden" name="${CSRF_FIELD}" value="${view.csrf}">
<input type="hidden" name="next" value="${view.next}">
<div class="field"><label for="username">${m.username}</label><input type="text" id="username" name="username" autocomplete="username" required value="${view.username}"${view.failed ? html` aria-describedby="sign-in-error"` : ''}></div>
<div class="field"><label for="password">${m.password}</label><input type="password" id="password" name="password" autocomplete="current-password" required></div>
<div><button type="submit">${m.submit}</button></div>
</form>`;
  return { title: m.title, main };
}
