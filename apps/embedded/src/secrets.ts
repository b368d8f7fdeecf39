import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatVerifierKey, generateSignerKey, parseSignerKey } from '../../../libs/transparency/src';

/** A random secret kept in a file (mode 0600) so that it survives restarts. */
export function persistentSecret(file: string, bytes: number): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(bytes).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * The transparency log's keys for the apps: TLOG_SIGNING_KEY for the worker (given, or generated once into
 * `tlog-signing-key`, mode 0600) and TLOG_VERIFIER_KEY, its public half, for the gateway to publish.
 */
export function transparencyKeys(
  given: string | undefined,
  dataDir: string,
  origin: string,
): { TLOG_SIGNING_KEY: string; TLOG_VERIFIER_KEY: string } {
  const file = join(dataDir, 'tlog-signing-key');
  let signerKey = given;
  if (!signerKey && existsSync(file)) signerKey = readFileSync(file, 'utf8').trim();
  if (!signerKey) {
    signerKey = generateSignerKey(origin).signerKey;
    writeFileSync(file, `${signerKey}\n`, { mode: 0o600 });
  }
  return { TLOG_SIGNING_KEY: signerKey, TLOG_VERIFIER_KEY: formatVerifierKey(parseSignerKey(signerKey)) };
}
