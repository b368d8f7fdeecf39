import type { StaffActor } from '../../../../../libs/domain/src';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html, type Html } from '../web/html';
import { colon, defineMessages, inBrackets, type Locale } from '../web/i18n';
import { renderPage } from '../web/layout';
import { pageContext, sendHtml, type PageContext } from '../web/page-context';
import { randomUUID } from 'node:crypto';
import { FORM_KEY_FIELD } from './form-key';
import { CSRF_FIELD } from './session/console-session';
import type { ConsoleSession } from './session/console-session.guard';

const M = defineMessages(
  {
    signedIn: '当前用户',
    signOut: '退出登录',
    drafter: '起草人员',
    reviewer: '审查人员',
    manager: '分管领导',
    admin: '管理员',
  },
  {
    signedIn: 'Signed in as',
    signOut: 'Sign out',
    drafter: 'drafter',
    reviewer: 'reviewer',
    manager: 'manager',
    admin: 'administrator',
  },
);

const staffRoleName = (role: StaffActor['role'], locale: Locale): string => M[locale][role];

/** The hidden form token every console POST form carries. */
/** The CSRF token and the form's own Idempotency-Key (new at each rendering), for every console POST form. */
export const csrfInput = (session: { csrf: string }): Html =>
  html`<input type="hidden" name="${CSRF_FIELD}" value="${session.csrf}"><input type="hidden" name="${FORM_KEY_FIELD}" value="${randomUUID()}">`;

function signedInBar(context: PageContext, session: ConsoleSession): Html {
  const m = M[context.locale];
  const { actor } = session;
  const unit = session.unitName
    ? (context.locale === 'en' && session.unitName.nameEn) || session.unitName.name
    : actor.unit;
  return html`<span class="signed-in">${m.signedIn}${colon(context.locale)}<strong>${actor.username}</strong>${inBrackets(`${staffRoleName(actor.role, context.locale)}${context.locale === 'en' ? ', ' : '，'}${unit}`, context.locale)}</span>
<form method="post" action="/console/logout">${csrfInput(session)}<button type="submit">${m.signOut}</button></form>`;
}

/** Sends a console page: the console navigation, the signed-in bar, never cached. */
export async function sendConsolePage(
  request: FastifyRequest,
  reply: FastifyReply,
  session: ConsoleSession | undefined,
  render: (context: PageContext) => { title: string; main: Html },
  status = 200,
): Promise<void> {
  const context = pageContext(request, reply);
  const { title, main } = render(context);
  const page = renderPage(context, {
    title,
    main,
    area: 'console',
    headerExtra: session ? signedInBar(context, session) : undefined,
  });
  await sendHtml(request, reply, page, { cache: 'private', status });
}

/** 303 See Other after a successful POST (Post/Redirect/Get). */
export async function redirectAfterPost(reply: FastifyReply, location: string): Promise<void> {
  await reply.header('cache-control', 'no-store').redirect(location, 303);
}
