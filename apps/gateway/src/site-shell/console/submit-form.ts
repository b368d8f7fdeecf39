import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffRequests } from '../../common/staff-requests';
import type { Html } from '../web/html';
import type { PageContext } from '../web/page-context';
import { redirectAfterPost, sendConsolePage } from './console-page';
import type { FormBody } from './form-body';
import { formRequest } from './form-key';
import { asRefusal, type Refusal } from './refusal';
import type { ConsoleSession } from './session/console-session.guard';

/**
 * A console form's POST (ADR 20): `parse` reads the fields, `perform` runs as a staff request under the
 * form's Idempotency-Key (`formRequest`); success answers 303 to `doneAt(result)` (Post/Redirect/Get). A rule's
 * refusal (`asRefusal`) shows `refusedPage` again with its status and what was typed; any other error, and a
 * refusal whose code is in `notFound`, goes to the console's error page.
 */
export async function submitConsoleForm<C, T>(
  request: FastifyRequest,
  reply: FastifyReply,
  session: ConsoleSession,
  body: FormBody | undefined,
  form: {
    requests: StaffRequests;
    parse: () => C;
    perform: (command: C) => Promise<T>;
    doneAt: (result: T) => string;
    refusedPage: (refusal: Refusal) => Promise<(context: PageContext) => { title: string; main: Html }>;
    notFound?: string;
  },
): Promise<void> {
  let result: T;
  try {
    const command = form.parse();
    result = await form.requests.run(formRequest(request, session.actor, body), () => form.perform(command));
  } catch (error) {
    const refusal = asRefusal(error);
    if (!refusal || refusal.code === form.notFound) throw error;
    await sendConsolePage(request, reply, session, await form.refusedPage(refusal), refusal.status);
    return;
  }
  await redirectAfterPost(reply, form.doneAt(result));
}
