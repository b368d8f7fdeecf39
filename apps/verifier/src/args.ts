import { parseArgs } from 'node:util';

export const USAGE = `Usage: open-decision verify <base-url> [decision-id] [--json] [--timeout <seconds>]
                            [--log-key <verifier-key> [--state <file>]]

Fetches the public timeline of one decision, or of every public decision, from an Open Decision
deployment and recomputes every hash and link of its log (SPEC.md §6).
验证公开日志：重新计算每条记录的哈希和链接。

  <base-url>          the deployment, e.g. https://decisions.example.gov.cn
  [decision-id]       one decision; without it, every decision of the public catalogue
  --json              one JSON document on stdout instead of lines
  --timeout <s>       per request, default 30
  --log-key <vkey>    also check the transparency log: the latest checkpoint's signature with this key
                      (<origin>+<hash>+<base64 key>, as the deployment publishes it) and every entry's
                      inclusion in it
  --state <file>      remember the checkpoint and every decision's head in this file; a later run fails
                      when the tree is not consistent with it, or a decision is gone, shorter or rewritten
  -h, --help          this text

Exit status: 0 every chain verifies, 1 at least one chain fails, 2 usage or network error
(when chains fail and others could not be fetched, 1).

Operators: open-decision create-admin --help (the first administrator of a deployment).
`;

export interface VerifyOptions {
  baseUrl: string;
  decisionId: string | undefined;
  json: boolean;
  timeoutMs: number;
  /** The transparency log's verifier key; without it, the chains only. */
  logKey?: string;
  /** The state file of `--state`. */
  stateFile?: string;
}

export type CommandLine =
  | { kind: 'help' }
  | { kind: 'verify'; options: VerifyOptions }
  | { kind: 'usage-error'; message: string; json: boolean };

/** Reads `verify <base-url> [decision-id]` and its flags; never throws. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        timeout: { type: 'string' },
        'log-key': { type: 'string' },
        state: { type: 'string' },
      },
    });
  } catch (error) {
    return { kind: 'usage-error', message: (error as Error).message, json: argv.includes('--json') };
  }
  const { values, positionals } = parsed;
  const json = values.json;
  if (values.help) return { kind: 'help' };
  const [command, base, decisionId, ...rest] = positionals;
  if (command !== 'verify')
    return { kind: 'usage-error', message: command ? `unknown command: ${command}` : 'missing command: verify', json };
  if (!base) return { kind: 'usage-error', message: 'missing <base-url>', json };
  if (rest.length > 0) return { kind: 'usage-error', message: `unexpected argument: ${rest[0]}`, json };
  const baseUrl = parseBaseUrl(base);
  if (!baseUrl) return { kind: 'usage-error', message: `not an http(s) URL: ${base}`, json };
  const seconds = values.timeout === undefined ? 30 : Number(values.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0)
    return { kind: 'usage-error', message: `--timeout must be a positive number of seconds: ${values.timeout}`, json };
  if (decisionId === '') return { kind: 'usage-error', message: 'empty decision id', json };
  const logKey = values['log-key'];
  const stateFile = values.state;
  if (stateFile !== undefined && logKey === undefined)
    return { kind: 'usage-error', message: '--state needs --log-key', json };
  if (logKey !== undefined && !/^[^\s+]+\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+$/.test(logKey))
    return {
      kind: 'usage-error',
      message: `--log-key is not a verifier key <origin>+<hash>+<base64 key>: ${logKey}`,
      json,
    };
  const log = { ...(logKey !== undefined ? { logKey } : {}), ...(stateFile !== undefined ? { stateFile } : {}) };
  return { kind: 'verify', options: { baseUrl, decisionId, json, timeoutMs: seconds * 1000, ...log } };
}

/** The base URL without a trailing slash (a deployment may live under a path), or null. */
function parseBaseUrl(text: string): string | null {
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.search || url.hash) return null;
    return url.href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}
