import { request as httpRequest } from 'node:http';
import { openDatabase, seedDemoAccounts, type DatabaseConfig } from '../../../libs/persistence/src';
import { aRegistration } from '../../support/decisions';
import { call, login, publishForConsultation } from '../../support/http';
import { exchange } from './raw-http';
import { eventually } from '../../support/eventually';

export const PASSWORD = 'faults-password';

/** Migrates a fresh app database and seeds the demo staff accounts (password {@link PASSWORD}). */
export async function prepareDatabase(config: DatabaseConfig): Promise<void> {
  const dataSource = await openDatabase(config, { migrate: true });
  await seedDemoAccounts(dataSource, PASSWORD, new Date());
  await dataSource.destroy();
}

/** Runs `sql` on the app database in a connection of its own, as an auditor would. */
export async function query<T>(config: DatabaseConfig, sql: string): Promise<T[]> {
  const dataSource = await openDatabase(config, { migrate: false });
  try {
    return (await dataSource.query(sql)) as T[];
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Registers a decision through the gateway and opens its consultation (shortened, approved) a second
 * from now for ten minutes; answers once the public read model says it is open.
 */
export async function openConsultation(
  baseUrl: string,
): Promise<{ id: string; tokens: Record<'drafter' | 'reviewer' | 'manager', string> }> {
  const tokens = {
    drafter: await login(baseUrl, 'drafter', PASSWORD),
    reviewer: await login(baseUrl, 'reviewer', PASSWORD),
    manager: await login(baseUrl, 'manager', PASSWORD),
  };
  const registered = await call(baseUrl, 'POST', '/api/v1/decisions', { token: tokens.drafter, json: aRegistration() });
  if (registered.status !== 201 && registered.status !== 200)
    throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
  const id = registered.body.decisionId as string;
  const opensAt = Date.now() + 1_000;
  await publishForConsultation(baseUrl, tokens, id, {
    opensAt: new Date(opensAt).toISOString(),
    closesAt: new Date(opensAt + 600_000).toISOString(),
  });
  await eventually(
    async () =>
      (await call(baseUrl, 'GET', `/api/v1/public/decisions/${id}`)).body.stage === 'consultation' &&
      Date.now() > opensAt,
    {
      timeoutMs: 20_000,
      intervalMs: 250,
      what: `decision ${id} reaches the consultation stage`,
    },
  );
  return { id, tokens };
}

export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/**
 * One HTTP request from a chosen loopback source address (127.0.0.x), with raw bytes and any headers:
 * the rate limit keys on the socket's address, so each case can get a bucket of its own.
 */
export function requestFrom(
  baseUrl: string,
  localAddress: string,
  method: string,
  path: string,
  body: Buffer | string,
  headers: Record<string, string> = {},
): Promise<RawReply> {
  const url = new URL(`${baseUrl}${path}`);
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  if (bytes.length > 64 * 1024) {
    // An oversize body is refused before it is read: see exchange() for why node:http will not do.
    return exchange(url, localAddress, method, { 'content-type': 'application/json', ...headers }, bytes).then(
      ({ status, headers: answerHeaders, text }) => ({ status, headers: answerHeaders, body: parseJson(text) }),
    );
  }
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method,
        localAddress,
        headers: { 'content-type': 'application/json', ...headers, 'content-length': bytes.length },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
        });
      },
    );
    // A server refusing an oversize body may answer and close before it has read it all: the
    // answer counts, the broken pipe after it does not.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.end(bytes);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
