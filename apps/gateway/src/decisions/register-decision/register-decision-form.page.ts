import { html, type Html } from '../../site-shell/web/html';
import { defineMessages } from '../../site-shell/web/i18n';
import type { PageContext } from '../../site-shell/web/page-context';
import { REGISTER_FORM } from '../act-on-decision/action-fields';
import { renderActionFields, refusalNotice, type FormLists } from '../act-on-decision/action-form.render';
import { csrfInput } from '../../site-shell/console/console-page';
import type { ConsoleSession } from '../../site-shell/console/session/console-session.guard';
import type { Refusal } from '../../site-shell/console/refusal';
import type { FormBody } from '../../site-shell/console/form-body';

const M = defineMessages(
  { intro: '登记后，非不予公开的决策事项即列入公开的决策事项目录。', board: '返回工作台' },
  {
    intro: 'Once registered, a decision that is not confidential enters the public catalogue.',
    board: 'Back to the board',
  },
);

export function renderRegisterForm(
  context: PageContext,
  session: ConsoleSession,
  values: FormBody,
  lists: FormLists,
  refusal?: Refusal,
): { title: string; main: Html } {
  const m = M[context.locale];
  const title = REGISTER_FORM.title[context.locale];
  const main = html`<p><a href="/console">${m.board}</a></p><h1>${title}</h1><p>${m.intro}</p>
${refusal ? refusalNotice(refusal, context.locale, 'refusal-register') : ''}
<form method="post" action="/console/decisions/new" class="stack">${csrfInput(session)}
${renderActionFields(REGISTER_FORM.fields, 'register', values, refusal, context.locale, undefined, lists)}
<div><button type="submit">${title}</button></div></form>`;
  return { title, main };
}
