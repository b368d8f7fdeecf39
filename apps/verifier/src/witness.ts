import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  asCosigner,
  cosignCheckpoint,
  formatVerifierKey,
  generateSignerKey,
  parseSignerKey,
} from '../../../libs/transparency/src';
import { FetchError, postText } from './deployment';
import { checkCheckpoint, readState, writeState } from './transparency';

export const WITNESS_USAGE = `Usage: open-decision witness <base-url> --log-key <vkey> --key-file <file> --state <file> [--name <name>] [--submit]
       open-decision witness --key-file <file> [--name <name>] --print-key

Follows a deployment's transparency log as a witness (C2SP tlog-cosignature): fetches the latest
checkpoint, checks its signature and that it is consistent with the last one this witness cosigned
(kept in --state), and prints the checkpoint with this witness's cosignature added. A checkpoint that
is not consistent is refused (exit 1) and nothing is cosigned. 见证透明日志：只为一致的检查点联署。

  --key-file <file>   the witness's signer key; created (mode 0600) with --name when missing
  --name <name>       the witness's name for a new key, e.g. witness.example.org/w1
  --submit            also post the cosigned checkpoint to the deployment and report its answer (stderr);
                      the deployment keeps it when its TLOG_WITNESSES names this witness's key
  --print-key         print this witness's public key (C2SP cosignature vkey) for TLOG_WITNESSES, and exit
`;

/** `open-decision witness …`: 0 cosigned (and kept, with --submit), 1 refused (inconsistent or badly signed), 2 usage or network error, or a submission refused. */
export async function runWitness(argv: readonly string[], now: () => Date = () => new Date()): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'log-key': { type: 'string' },
        'key-file': { type: 'string' },
        state: { type: 'string' },
        name: { type: 'string' },
        submit: { type: 'boolean' },
        'print-key': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`open-decision witness: ${(error as Error).message}\n${WITNESS_USAGE}`);
    return 2;
  }
  if (values['help']) return (void process.stdout.write(WITNESS_USAGE), 0);
  const [base] = positionals;
  const [logKey, keyFile, stateFile] = [values['log-key'], values['key-file'], values['state']];
  if (values['print-key'] && typeof keyFile === 'string') {
    if (!ensureKeyFile(keyFile, values['name'])) return 2;
    const key = asCosigner(parseSignerKey(readFileSync(keyFile, 'utf8').trim()));
    return (void process.stdout.write(`${formatVerifierKey(key)}\n`), 0);
  }
  if (!base || typeof logKey !== 'string' || typeof keyFile !== 'string' || typeof stateFile !== 'string') {
    process.stderr.write(
      `open-decision witness: <base-url>, --log-key, --key-file and --state are required\n${WITNESS_USAGE}`,
    );
    return 2;
  }
  if (!ensureKeyFile(keyFile, values['name'])) return 2;
  const witness = asCosigner(parseSignerKey(readFileSync(keyFile, 'utf8').trim()));
  const baseUrl = base.replace(/\/+$/, '');
  const state = readState(stateFile);
  try {
    const verdict = await checkCheckpoint(baseUrl, logKey, state, 30_000);
    if (!verdict.ok) {
      process.stdout.write(`REFUSED: ${verdict.reason}\n`);
      return 1;
    }
    const { checkpoint, note } = verdict;
    const line = cosignCheckpoint(checkpoint, witness, Math.floor(now().getTime() / 1000));
    writeState(stateFile, {
      origin: checkpoint.origin,
      size: checkpoint.size,
      root: checkpoint.root.toString('base64'),
      decisions: state?.decisions ?? {},
    });
    process.stdout.write(`${note}${line}`);
    return values['submit'] ? await submit(baseUrl, `${note}${line}`) : 0;
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    process.stderr.write(`open-decision witness: ${error.message}\n`);
    return 2;
  }
}

/** Creates the key file (mode 0600) under `name` when missing; false (with a message) when it cannot. */
function ensureKeyFile(keyFile: string, name: string | boolean | undefined): boolean {
  if (existsSync(keyFile)) return true;
  if (typeof name !== 'string') {
    process.stderr.write('open-decision witness: no key file yet: give --name to create one\n');
    return false;
  }
  writeFileSync(keyFile, `${generateSignerKey(name).signerKey}\n`, { mode: 0o600 });
  return true;
}

/**
 * Posts the cosigned note to the deployment (ADR 61) with an Idempotency-Key of the note, so that a retry
 * is answered what was kept; reports the answer on stderr. 0 kept (now or before), 2 refused or unreachable.
 */
async function submit(baseUrl: string, cosigned: string): Promise<number> {
  const url = `${baseUrl}/api/v1/public/transparency/cosignatures`;
  const key = `witness-${createHash('sha256').update(cosigned).digest('hex').slice(0, 40)}`;
  const answer = await postText(url, cosigned, key, 30_000);
  if (answer.status === 201 || answer.status === 200) {
    process.stderr.write(
      `SUBMITTED: HTTP ${answer.status}, ${answer.status === 201 ? 'cosignature kept' : 'cosignature already kept'}\n`,
    );
    return 0;
  }
  process.stderr.write(`SUBMIT REFUSED: HTTP ${answer.status}${answer.problem}\n`);
  return 2;
}
