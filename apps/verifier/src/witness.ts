import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { asCosigner, cosignCheckpoint, generateSignerKey, parseSignerKey } from '../../../libs/transparency/src';
import { FetchError } from './deployment';
import { checkCheckpoint, readState, writeState } from './transparency';

export const WITNESS_USAGE = `Usage: open-decision witness <base-url> --log-key <vkey> --key-file <file> --state <file> [--name <name>]

Follows a deployment's transparency log as a witness (C2SP tlog-cosignature): fetches the latest
checkpoint, checks its signature and that it is consistent with the last one this witness cosigned
(kept in --state), and prints the checkpoint with this witness's cosignature added. A checkpoint that
is not consistent is refused (exit 1) and nothing is cosigned. 见证透明日志：只为一致的检查点联署。

  --key-file <file>   the witness's signer key; created (mode 0600) with --name when missing
  --name <name>       the witness's name for a new key, e.g. witness.example.org/w1
`;

/** `open-decision witness …`: 0 cosigned, 1 refused (inconsistent or badly signed), 2 usage or network error. */
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
  if (!base || typeof logKey !== 'string' || typeof keyFile !== 'string' || typeof stateFile !== 'string') {
    process.stderr.write(
      `open-decision witness: <base-url>, --log-key, --key-file and --state are required\n${WITNESS_USAGE}`,
    );
    return 2;
  }
  if (!existsSync(keyFile)) {
    if (typeof values['name'] !== 'string') {
      process.stderr.write('open-decision witness: no key file yet: give --name to create one\n');
      return 2;
    }
    writeFileSync(keyFile, `${generateSignerKey(values['name']).signerKey}\n`, { mode: 0o600 });
  }
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
    return 0;
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    process.stderr.write(`open-decision witness: ${error.message}\n`);
    return 2;
  }
}
