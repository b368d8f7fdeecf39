/** A request that produced no usable answer: unreachable, timed out, an HTTP error or a body that is not JSON. */
export class FetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FetchError';
  }
}

/** GETs `url` and parses its JSON body. Trap: a 2xx body that is JSON but of the wrong shape is returned as is. */
export async function getJson(url: string, timeoutMs: number): Promise<unknown> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    text = await response.text();
  } catch (error) {
    throw new FetchError(`GET ${url}: ${networkMessage(error)}`);
  }
  if (!response.ok) throw new FetchError(`GET ${url}: HTTP ${response.status}${problemDetail(text)}`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FetchError(`GET ${url}: the answer is not JSON (is this an Open Decision deployment?)`);
  }
}

export const timelineUrl = (baseUrl: string, decisionId: string): string =>
  `${baseUrl}/api/v1/public/decisions/${encodeURIComponent(decisionId)}/timeline`;

const PAGE_SIZE = 100;
const MAX_PASSES = 3;

/**
 * Every decision id of the public catalogue, paging through `GET /api/v1/public/decisions`. The catalogue
 * is ordered by last change, so a decision that changes while we page moves to page 1 and can be missed:
 * while fewer distinct ids were seen than the catalogue's `total`, page through again (a few times).
 */
export async function listPublicDecisionIds(baseUrl: string, timeoutMs: number): Promise<string[]> {
  const ids = new Set<string>();
  let total = 0;
  for (let pass = 0; pass < MAX_PASSES && (pass === 0 || ids.size < total); pass += 1) {
    for (let page = 1; ; page += 1) {
      const url = `${baseUrl}/api/v1/public/decisions?page=${page}&pageSize=${PAGE_SIZE}`;
      const body = await getJson(url, timeoutMs);
      if (!isCataloguePage(body)) throw new FetchError(`GET ${url}: not a page of decisions ({items, total})`);
      for (const item of body.items) ids.add(item.id);
      total = body.total;
      if (body.items.length === 0 || page * PAGE_SIZE >= total) break;
    }
  }
  return [...ids];
}

function isCataloguePage(body: unknown): body is { items: Array<{ id: string }>; total: number } {
  if (typeof body !== 'object' || body === null) return false;
  const { items, total } = body as { items?: unknown; total?: unknown };
  return (
    Array.isArray(items) &&
    typeof total === 'number' &&
    items.every((item) => typeof (item as { id?: unknown } | null)?.id === 'string')
  );
}

function networkMessage(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** ` (CODE: detail)` from an RFC 9457 problem body, or nothing. */
function problemDetail(text: string): string {
  try {
    const problem = JSON.parse(text) as { code?: unknown; detail?: unknown };
    const parts = [problem.code, problem.detail].filter((part) => typeof part === 'string');
    return parts.length > 0 ? ` (${parts.join(': ')})` : '';
  } catch {
    return '';
  }
}

/** The deployment's answer to a submission: its status and, for a problem, ` (CODE: detail)`. */
export interface Submitted {
  status: number;
  body: string;
  problem: string;
}

/** POSTs a text/plain body (a cosigned note) with an Idempotency-Key; any HTTP answer is returned. */
export async function postText(url: string, text: string, key: string, timeoutMs: number): Promise<Submitted> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8', accept: 'application/json', 'idempotency-key': key },
      body: text,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    return { status: response.status, body, problem: response.ok ? '' : problemDetail(body) };
  } catch (error) {
    throw new FetchError(`POST ${url}: ${networkMessage(error)}`);
  }
}
