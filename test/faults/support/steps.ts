import { randomBytes } from 'node:crypto';
import { verifyTimeline } from '../../../libs/domain/src';
import { sha256Hex, type DatabaseConfig } from '../../../libs/persistence/src';
import { aRegistration } from '../../support/decisions';
import { call, login } from '../../support/http';
import { PASSWORD, query } from './consultation';
import { eventually } from '../../support/eventually';

/**
 * Staff steps whose every application can be found again: each draft version carries a unique tag as
 * its text, so a step applied twice shows up as the same tag twice in the internal log, and a step
 * applied that no client was told about shows up as a tag nobody holds.
 */
export type Tokens = Record<'drafter' | 'reviewer' | 'manager', string>;

export async function staffTokens(baseUrl: string): Promise<Tokens> {
  return {
    drafter: await login(baseUrl, 'drafter', PASSWORD),
    reviewer: await login(baseUrl, 'reviewer', PASSWORD),
    manager: await login(baseUrl, 'manager', PASSWORD),
  };
}

/** Registers a decision through `baseUrl`; returns its id or throws with the answer. */
export async function register(baseUrl: string, tokens: Tokens): Promise<string> {
  const reply = await call(baseUrl, 'POST', '/api/v1/decisions', { token: tokens.drafter, json: aRegistration() });
  if (reply.status !== 201) throw new Error(`register: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.decisionId as string;
}

export const newTag = (prefix: string): string => `${prefix}-${randomBytes(5).toString('hex')}`;

/**
 * Saves a draft version whose text is `tag`, under the Idempotency-Key `tag`; answers the HTTP status
 * (0: no answer at all). A 503 OUTCOME_UNKNOWN (no outcome within the gateway's bound, e.g. while a
 * killed worker's task times out) is retried under the same key, as a client does, for up to 60 s.
 * Unkeyed (`keyed: false`), the request does not touch the app database before Temporal: for tests that
 * hold the database's lock (on SQLite a key's record would wait on it).
 */
export async function saveDraft(
  baseUrl: string,
  tokens: Tokens,
  id: string,
  tag: string,
  { keyed = true }: { keyed?: boolean } = {},
): Promise<number> {
  const giveUpAt = Date.now() + 60_000;
  for (;;) {
    try {
      const headers: Record<string, string> = keyed ? { 'idempotency-key': tag } : {};
      const reply = await call(baseUrl, 'POST', `/api/v1/decisions/${id}/draft-versions`, {
        token: tokens.drafter,
        json: { draft: tag, basis: '依据', explanation: '说明' },
        headers,
      });
      // Any 503 may be an unknown outcome (the update can reach Temporal after the gateway gave up on it):
      // a client retries it under the same key, as the API documents, and the step is applied once.
      if (!keyed || reply.status !== 503 || Date.now() > giveUpAt) return reply.status;
    } catch {
      return 0;
    }
  }
}

/** The tag of every `DraftVersionSaved` in the internal log of `ids`, once per row. */
export async function draftTagsFound(config: DatabaseConfig, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await query<{ data: string }>(
    config,
    `SELECT data FROM internal_events WHERE type = 'DraftVersionSaved' AND decision_id IN (${ids.map((id) => `'${id}'`).join(', ')})`,
  );
  return rows.map((row) => (JSON.parse(row.data) as { draft: string }).draft);
}

/** `type` of every internal log row of one decision, in seq order. */
export async function internalTypes(config: DatabaseConfig, id: string): Promise<string[]> {
  const rows = await query<{ type: string }>(
    config,
    `SELECT type FROM internal_events WHERE decision_id = '${id}' ORDER BY seq`,
  );
  return rows.map((row) => row.type);
}

/** Fetches each decision's public timeline and checks its chain; answers the ids whose chain does not verify, with the reason. */
export async function brokenTimelines(baseUrl: string, ids: string[]): Promise<string[]> {
  const broken: string[] = [];
  for (const id of ids) {
    const reply = await call(baseUrl, 'GET', `/api/v1/public/decisions/${id}/timeline`);
    const verdict = verifyTimeline(id, reply.body, sha256Hex);
    if (reply.status !== 200 || !verdict.ok) broken.push(`${id}: ${reply.status} ${JSON.stringify(verdict)}`);
  }
  return broken;
}

/** Polls `probe` until `done` holds for its value or `timeoutMs` passes; answers the last value either way. */
export async function pollUntil<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  everyMs = 250,
): Promise<T> {
  let value = await probe();
  if (done(value)) return value;
  await eventually(
    async () => {
      value = await probe();
      return done(value);
    },
    { timeoutMs, intervalMs: everyMs, what: 'pollUntil' },
  ).catch(() => undefined);
  return value;
}

/** Posts an opinion under `key`, retrying on anything but 201 until `timeoutMs`; answers the receipt or undefined. */
export async function submitOpinion(
  baseUrl: string,
  id: string,
  key: string,
  text: string,
  timeoutMs = 30_000,
): Promise<string | undefined> {
  return eventually(
    async () => {
      // No answer (a throw) or any status but 201: retry under the same key.
      const reply = await call(baseUrl, 'POST', `/api/v1/public/decisions/${id}/opinions`, {
        json: { text },
        headers: { 'idempotency-key': key },
      });
      return reply.status === 201 ? (reply.body.receipt as string) : undefined;
    },
    { timeoutMs, intervalMs: 100, what: `opinion ${key} acknowledged` },
  ).catch(() => undefined);
}
