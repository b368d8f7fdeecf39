import { pureSha256 } from './sha256';

/**
 * The checks a client of the transparency log makes, pure (no node: imports, synchronous SHA-256), so
 * that `open-decision verify` and the browser verifier (apps/gateway/browser/verify.ts) run the same
 * code: RFC 9162 inclusion and consistency proofs, and the parts of a C2SP signed note and checkpoint
 * that need no signature check. Verifying the Ed25519 signature itself is left to the caller
 * (node:crypto in ./note.ts, WebCrypto in the browser).
 */

/** Why a proof fails; `ok` is the only success. */
export type ProofVerdict = { ok: true } | { ok: false; reason: string };

const fail = (reason: string): ProofVerdict => ({ ok: false, reason });

/** RFC 9162 §2.1.1: a leaf's hash, SHA-256(0x00 ‖ bytes). */
export function pureLeafHash(bytes: Uint8Array): Uint8Array {
  return pureSha256(concat(Uint8Array.of(0x00), bytes));
}

/** RFC 9162 §2.1.1: an interior node's hash, SHA-256(0x01 ‖ left ‖ right). */
export function pureNodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return pureSha256(concat(Uint8Array.of(0x01), left, right));
}

/**
 * RFC 9162 §2.1.3.2: the root an inclusion proof leads to, or null when the proof has the wrong length
 * for (index, size). Comparing the result with a trusted root is `verifyInclusion`.
 */
export function inclusionProofRoot(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
): Uint8Array | null {
  if (index < 0 || index >= size || !validHash(leaf) || !proof.every(validHash)) return null;
  let [fn, sn, r] = [index, size - 1, leaf];
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = pureNodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else {
      r = pureNodeHash(r, p);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 ? r : null;
}

export function verifyInclusion(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): ProofVerdict {
  const computed = inclusionProofRoot(index, size, leaf, proof);
  if (!computed) return fail(`the proof does not fit leaf ${index} of a tree of size ${size}`);
  return sameBytes(computed, root)
    ? { ok: true }
    : fail(`the proof leads to another root than the one of size ${size}`);
}

/**
 * RFC 9162 §2.1.4.2: whether the tree of size `second` with root `secondRoot` extends the tree of size
 * `first` with root `firstRoot`. Equal sizes need equal roots and an empty proof; size 0 is consistent
 * with everything.
 */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  proof: readonly Uint8Array[],
): ProofVerdict {
  if (first < 0 || second < first) return fail(`size ${second} is smaller than size ${first}`);
  if (!proof.every(validHash)) return fail('a proof element is not a SHA-256 hash');
  if (first === second) {
    if (proof.length > 0) return fail('equal sizes take an empty proof');
    return sameBytes(firstRoot, secondRoot) ? { ok: true } : fail(`two different roots for size ${first}`);
  }
  if (first === 0) return proof.length === 0 ? { ok: true } : fail('size 0 takes an empty proof');
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  const head = path[0];
  if (!head) return fail('empty consistency proof');
  let [fn, sn] = [first - 1, second - 1];
  while (fn % 2 === 1) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  let [fr, sr] = [head, head];
  for (const c of path.slice(1)) {
    if (sn === 0) return fail('the consistency proof is too long');
    if (fn % 2 === 1 || fn === sn) {
      [fr, sr] = [pureNodeHash(c, fr), pureNodeHash(c, sr)];
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else {
      sr = pureNodeHash(sr, c);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  if (sn !== 0) return fail('the consistency proof is too short');
  if (!sameBytes(fr, firstRoot)) return fail(`the proof does not lead to the root of size ${first}`);
  if (!sameBytes(sr, secondRoot)) return fail(`the proof does not lead to the root of size ${second}`);
  return { ok: true };
}

/** A signed-note verifier key `<name>+<hash hex>+base64(type ‖ public key)`, its hash checked. */
export interface VerifierKeyParts {
  name: string;
  keyHash: number;
  type: number;
  publicKey: Uint8Array;
}

/** A C2SP signed note split into its text and signature lines (any number, by any keys). */
export interface NoteParts {
  text: string;
  signatures: { name: string; keyHash: number; signature: Uint8Array }[];
}

/** `<name>+<hash hex>+base64(type ‖ key)`, or a reason why not. */
export function parseVerifierKeyText(vkey: string): VerifierKeyParts | { error: string } {
  const [name, hashHex, ...rest] = vkey.trim().split('+');
  const material = fromBase64(rest.join('+'));
  const type = material?.[0];
  if (!validName(name) || !material || material.length !== 33 || type === undefined)
    return { error: 'malformed verifier key' };
  const publicKey = material.subarray(1);
  const hash = keyHashOf(name, type, publicKey);
  if (hashHex !== hash.toString(16).padStart(8, '0')) return { error: 'verifier key hash does not match its key' };
  return { name, keyHash: hash, type, publicKey };
}

/** The first 4 bytes of SHA-256(name ‖ "\n" ‖ type ‖ public key), big-endian (C2SP signed-note). */
export function keyHashOf(name: string, type: number, publicKey: Uint8Array): number {
  const digest = pureSha256(concat(new TextEncoder().encode(`${name}\n`), Uint8Array.of(type), publicKey));
  return new DataView(digest.buffer, digest.byteOffset, 4).getUint32(0);
}

/**
 * Splits a note into its text and signature lines, or a reason why it is malformed. Lines by other keys
 * (witness cosignatures) are kept: C2SP signed-note lets a verifier ignore signatures it does not know.
 */
export function splitNote(note: string): NoteParts | { error: string } {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return { error: 'malformed note' };
  const signatures: NoteParts['signatures'] = [];
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const space = line.lastIndexOf(' ');
    if (!line.startsWith('\u2014 ') || space <= 2) return { error: 'malformed signature line' };
    const name = line.slice(2, space);
    const blob = fromBase64(line.slice(space + 1));
    if (!validName(name) || !blob || blob.length < 5) return { error: 'malformed signature line' };
    const keyHash = new DataView(blob.buffer, blob.byteOffset, 4).getUint32(0);
    signatures.push({ name, keyHash, signature: blob.subarray(4) });
  }
  return { text: note.slice(0, split + 1), signatures };
}

/** The signature lines of `note` made by `key` (same name and key hash). */
export function signaturesBy(note: NoteParts, key: VerifierKeyParts): Uint8Array[] {
  return note.signatures.filter((s) => s.name === key.name && s.keyHash === key.keyHash).map((s) => s.signature);
}

/** C2SP tlog-checkpoint text `<origin>\n<size>\n<base64 root>\n[extensions]`, or a reason why not. */
export function parseCheckpointBody(
  text: string,
): { origin: string; size: number; root: Uint8Array } | { error: string } {
  const lines = text.split('\n');
  const [origin, sizeLine, rootLine] = lines;
  if (lines.at(-1) !== '' || !origin || sizeLine === undefined || rootLine === undefined)
    return { error: 'malformed checkpoint' };
  if (!/^(0|[1-9][0-9]*)$/u.test(sizeLine) || !Number.isSafeInteger(Number(sizeLine)))
    return { error: 'malformed checkpoint size' };
  const root = fromBase64(rootLine);
  if (!root || root.length !== 32) return { error: 'malformed checkpoint root' };
  return { origin, size: Number(sizeLine), root };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard padded base64 to bytes; null unless the text is canonical base64. */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/u.test(text)) return null;
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4).replace(/=+$/u, '');
    const bits = [...chunk].reduce((acc, c) => acc * 64 + B64.indexOf(c), 0) * 64 ** (4 - chunk.length);
    const bytes = [(bits >> 16) & 255, (bits >> 8) & 255, bits & 255].slice(0, chunk.length - 1);
    out.push(...bytes);
  }
  const bytes = Uint8Array.from(out);
  return toBase64(bytes) === text ? bytes : null;
}

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const bits = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(bits >> 18) & 63]! + B64[(bits >> 12) & 63]!;
    out += b === undefined ? '=' : B64[(bits >> 6) & 63]!;
    out += c === undefined ? '=' : B64[bits & 63]!;
  }
  return out;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && 2 ** Math.round(Math.log2(n)) === n;
}

function validHash(hash: Uint8Array): boolean {
  return hash.length === 32;
}

function validName(name: string | undefined): name is string {
  return !!name && !/[\s+]/u.test(name);
}
