import { createHash, randomBytes } from 'node:crypto';
import { pureSha256 } from './sha256';
import {
  asCosigner,
  cosignCheckpoint,
  fromBase64,
  generateSignerKey,
  keyHash,
  leafHash,
  parseCheckpointBody,
  parseSignerKey,
  parseVerifierKey,
  parseVerifierKeyText,
  pureLeafHash,
  signaturesBy,
  signCheckpoint,
  splitNote,
  toBase64,
} from './index';

const ORIGIN = 'open-decision.example/log';

describe('the pure proof checks the browser shares with the command line', () => {
  it('hashes bytes as node:crypto does, leaves included', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 1000]) {
      const bytes = randomBytes(n);
      expect(Buffer.from(pureSha256(bytes))).toEqual(createHash('sha256').update(bytes).digest());
      expect(Buffer.from(pureLeafHash(bytes))).toEqual(leafHash(bytes));
    }
  });

  it('reads and writes canonical base64 only', () => {
    for (const n of [0, 1, 2, 3, 4, 32, 33]) {
      const bytes = randomBytes(n);
      expect(toBase64(bytes)).toBe(bytes.toString('base64'));
      expect(Buffer.from(fromBase64(bytes.toString('base64'))!)).toEqual(bytes);
    }
    for (const bad of ['abc', 'a===', 'ab!=', 'AB==', 'QQ=x']) expect(fromBase64(bad)).toBeNull();
  });

  it('parses a verifier key with the same key hash as note.ts, and refuses a wrong hash', () => {
    const { verifierKey } = generateSignerKey(ORIGIN);
    const node = parseVerifierKey(verifierKey);
    const parts = parseVerifierKeyText(verifierKey);
    expect(parts).toMatchObject({ name: ORIGIN, keyHash: node.keyHash, type: 1 });
    expect(keyHash(ORIGIN, 1, node.publicKey)).toBe(node.keyHash);
    expect(parseVerifierKeyText(verifierKey.replace(/\+[0-9a-f]{8}\+/u, '+00000000+'))).toEqual({
      error: 'verifier key hash does not match its key',
    });
  });

  it("finds the log's signature among witness cosignatures (C2SP signed-note), and reads the checkpoint", () => {
    const log = generateSignerKey(ORIGIN);
    const witness = asCosigner(parseSignerKey(generateSignerKey('witness.example.org/w1').signerKey));
    const checkpoint = { origin: ORIGIN, size: 7, root: randomBytes(32) };
    const note = signCheckpoint(checkpoint, parseSignerKey(log.signerKey));
    const cosigned = `${note}${cosignCheckpoint(checkpoint, witness, 1_800_000_000)}`;
    const parts = splitNote(cosigned);
    if ('error' in parts) throw new Error(parts.error);
    expect(parts.signatures).toHaveLength(2);
    const key = parseVerifierKeyText(log.verifierKey);
    if ('error' in key) throw new Error(key.error);
    expect(signaturesBy(parts, key)).toHaveLength(1);
    const body = parseCheckpointBody(parts.text);
    expect(body).toMatchObject({ origin: ORIGIN, size: 7 });
    expect(Buffer.from((body as { root: Uint8Array }).root)).toEqual(checkpoint.root);
    expect(splitNote('no blank line\n')).toEqual({ error: 'malformed note' });
  });
});
