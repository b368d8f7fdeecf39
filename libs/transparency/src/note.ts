import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/**
 * C2SP signed-note (https://c2sp.org/signed-note) with Ed25519, the format Go's sumdb/note reads.
 * A note is text ending in "\n", a blank line, then lines `— <name> base64(key hash ‖ signature)`.
 * Key hash: the first 4 bytes of SHA-256(name ‖ "\n" ‖ type ‖ public key); type 0x01 for a log's
 * Ed25519 key, 0x04 for a witness cosignature (./cosignature.ts).
 */

export const ED25519 = 0x01;
const SIG_PREFIX = '\u2014 ';
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

export class NoteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoteError';
  }
}

/** A key that verifies signatures of one name and type. */
export interface NoteVerifier {
  name: string;
  keyHash: number;
  type: number;
  publicKey: Buffer;
}

export interface NoteSigner extends NoteVerifier {
  privateKey: KeyObject;
}

/** One signature line of a note, parsed but not yet checked. */
export interface NoteSignature {
  name: string;
  keyHash: number;
  /** The bytes after the key hash. */
  signature: Buffer;
}

export function keyHash(name: string, type: number, publicKey: Uint8Array): number {
  const digest = createHash('sha256')
    .update(`${name}\n`)
    .update(Buffer.from([type]))
    .update(publicKey)
    .digest();
  return digest.readUInt32BE(0);
}

/** `PRIVATE+KEY+<name>+<hash hex>+base64(0x01 ‖ seed)`, as Go's note.NewSigner reads it. */
export function parseSignerKey(skey: string): NoteSigner {
  const parts = skey.split('+');
  const [p, k, name, hashHex] = parts;
  const material = Buffer.from(parts.slice(4).join('+'), 'base64');
  if (p !== 'PRIVATE' || k !== 'KEY' || !validName(name) || material.length !== 33 || material[0] !== ED25519)
    throw new NoteError('malformed signer key');
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, material.subarray(1)]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  const hash = keyHash(name, ED25519, publicKey);
  if (hashHex !== hex8(hash)) throw new NoteError('signer key hash does not match its key');
  return { name, keyHash: hash, type: ED25519, publicKey, privateKey };
}

/** `<name>+<hash hex>+base64(type ‖ public key)`, as Go's note.NewVerifier reads it. */
export function parseVerifierKey(vkey: string): NoteVerifier {
  const [name, hashHex, ...rest] = vkey.split('+');
  const material = Buffer.from(rest.join('+'), 'base64');
  const type = material[0];
  if (!validName(name) || material.length !== 33 || type === undefined) throw new NoteError('malformed verifier key');
  const publicKey = material.subarray(1);
  const hash = keyHash(name, type, publicKey);
  if (hashHex !== hex8(hash)) throw new NoteError('verifier key hash does not match its key');
  return { name, keyHash: hash, type, publicKey };
}

export function formatVerifierKey({ name, keyHash: hash, type, publicKey }: NoteVerifier): string {
  return `${name}+${hex8(hash)}+${Buffer.concat([Buffer.from([type]), publicKey]).toString('base64')}`;
}

/** A fresh Ed25519 key pair in both text forms. */
export function generateSignerKey(name: string): { signerKey: string; verifierKey: string } {
  if (!validName(name)) throw new NoteError(`invalid key name ${JSON.stringify(name)}`);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_ED25519.length);
  const raw = rawPublicKey(publicKey);
  const hash = hex8(keyHash(name, ED25519, raw));
  const signerKey = `PRIVATE+KEY+${name}+${hash}+${Buffer.concat([Buffer.from([ED25519]), seed]).toString('base64')}`;
  return {
    signerKey,
    verifierKey: formatVerifierKey({ name, keyHash: keyHash(name, ED25519, raw), type: ED25519, publicKey: raw }),
  };
}

export function ed25519Sign(privateKey: KeyObject, message: Uint8Array): Buffer {
  return sign(null, message, privateKey);
}

export function ed25519Verify(publicKey: Buffer, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519, publicKey]), format: 'der', type: 'spki' });
  return verify(null, message, key, signature);
}

export function signatureLine(name: string, hash: number, signature: Uint8Array): string {
  const header = Buffer.alloc(4);
  header.writeUInt32BE(hash);
  return `${SIG_PREFIX}${name} ${Buffer.concat([header, signature]).toString('base64')}\n`;
}

/** Signs `text` (which must end in a newline) and returns the whole note. */
export function signNote(text: string, signer: NoteSigner): string {
  assertText(text);
  const signature = ed25519Sign(signer.privateKey, Buffer.from(text, 'utf8'));
  return `${text}\n${signatureLine(signer.name, signer.keyHash, signature)}`;
}

/** Splits a note into its text and signature lines; throws NoteError on anything malformed. */
export function parseNote(note: string): { text: string; signatures: NoteSignature[] } {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new NoteError('malformed note');
  const text = note.slice(0, split + 1);
  assertText(text);
  const signatures = note
    .slice(split + 2, -1)
    .split('\n')
    .map(parseSignatureLine);
  return { text, signatures };
}

/**
 * The note's text when `verifier` signed it. Throws NoteError when no line bears the verifier's name
 * and key hash, or when such a line's signature is invalid (Go's note.Open behaves the same way).
 */
export function openNote(note: string, verifier: NoteVerifier): { text: string; signatures: NoteSignature[] } {
  const parsed = parseNote(note);
  const mine = parsed.signatures.filter((s) => s.name === verifier.name && s.keyHash === verifier.keyHash);
  if (mine.length === 0) throw new NoteError(`no signature by ${verifier.name}`);
  const message = Buffer.from(parsed.text, 'utf8');
  for (const s of mine)
    if (!ed25519Verify(verifier.publicKey, message, s.signature))
      throw new NoteError(`invalid signature by ${verifier.name}`);
  return parsed;
}

function parseSignatureLine(line: string): NoteSignature {
  const space = line.lastIndexOf(' ');
  if (!line.startsWith(SIG_PREFIX) || space <= SIG_PREFIX.length) throw new NoteError('malformed signature line');
  const name = line.slice(SIG_PREFIX.length, space);
  const blob = Buffer.from(line.slice(space + 1), 'base64');
  if (!validName(name) || blob.length < 5 || blob.toString('base64') !== line.slice(space + 1))
    throw new NoteError('malformed signature line');
  return { name, keyHash: blob.readUInt32BE(0), signature: blob.subarray(4) };
}

function assertText(text: string): void {
  if (!text.endsWith('\n')) throw new NoteError('note text must end with a newline');
}

function validName(name: string | undefined): name is string {
  return !!name && !/[\s+]/u.test(name);
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}

function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519.length);
}
