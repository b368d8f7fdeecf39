/** A small JSON-over-HTTP client for end-to-end tests. */
export interface Reply<T = any> {
  status: number;
  contentType: string;
  body: T;
}

export async function call<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; json?: unknown; rawBody?: string | Uint8Array; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  let body: string | Uint8Array | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.rawBody !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = options.rawBody;
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: parsed as T };
}

export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const reply = await call<{ token: string }>(baseUrl, 'POST', '/api/v1/auth/login', { json: { username, password } });
  if (reply.status !== 200) throw new Error(`login ${username} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.token;
}

/**
 * Takes a registered decision over HTTP to pre-disclosure with a shortened consultation plan (approved
 * by the manager, reviewed by the reviewer), the way most e2e tests need an open consultation. Any step
 * that does not answer 200 throws.
 */
export async function publishForConsultation(
  baseUrl: string,
  tokens: Readonly<Record<string, string>>,
  decisionId: string,
  plan: { opensAt: string; closesAt: string; channels?: string[] },
): Promise<void> {
  const act = async (token: string, action: string, body: Record<string, unknown> = {}): Promise<any> => {
    const reply = await call(baseUrl, 'POST', `/api/v1/decisions/${decisionId}/${action}`, { token, json: body });
    if (reply.status !== 200) throw new Error(`${action}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  await act(tokens['drafter']!, 'draft-versions', { draft: '草案', basis: '依据', explanation: '说明' });
  await act(tokens['drafter']!, 'consultation-plan', {
    channels: plan.channels ?? ['online'],
    opensAt: plan.opensAt,
    closesAt: plan.closesAt,
    shortenedReason: '测试',
  });
  await act(tokens['manager']!, 'shortened-consultation-approval');
  await act(tokens['reviewer']!, 'approve', {
    reviewId: (await act(tokens['drafter']!, 'submit-for-publication')).reviews.at(-1).id,
  });
}
