import type { FastifyReply, FastifyRequest } from 'fastify';
import { redirectAfterPost, sendConsolePage } from '../../site-shell/console/console-page';
import { asRefusal } from '../../site-shell/console/refusal';
import type { ConsoleSession } from '../../site-shell/console/session/console-session.guard';
import type { OpinionsLoader } from './opinions.loader';
import { renderOpinions, type OpinionsForm } from './opinions.page';
import type { FormBody } from '../../site-shell/console/form-body';

/**
 * Runs one write of the opinions page: done → 303 back to the page (with `done`); a rule refused it →
 * the page again with the typed values and the rule beside the form that was sent.
 */
export async function handleOpinionsPost(
  request: FastifyRequest,
  reply: FastifyReply,
  session: ConsoleSession,
  loader: OpinionsLoader,
  target: { decisionId: string; form: OpinionsForm; body: FormBody },
  write: () => Promise<number | undefined>,
): Promise<void> {
  let count: number | undefined;
  try {
    count = await write();
  } catch (error) {
    const refusal = asRefusal(error);
    if (!refusal || refusal.code === 'DECISION_NOT_FOUND') throw error;
    const work = await loader.load(target.decisionId, session.actor, {});
    await sendConsolePage(
      request,
      reply,
      session,
      (context) =>
        renderOpinions(context, session, { ...work, refused: { form: target.form, values: target.body, refusal } }),
      refusal.status,
    );
    return;
  }
  const params = new URLSearchParams({ done: target.form, ...(count === undefined ? {} : { count: String(count) }) });
  await redirectAfterPost(
    reply,
    `/console/decisions/${encodeURIComponent(target.decisionId)}/opinions?${params.toString()}`,
  );
}

export const listOf = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).filter((v) => v !== '');
export const textOf = (value: string | string[] | undefined): string | undefined => {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : undefined;
};
