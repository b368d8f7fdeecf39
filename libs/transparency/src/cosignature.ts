import { checkpointText, type Checkpoint } from './checkpoint';
import {
  ED25519,
  ed25519Sign,
  ed25519Verify,
  keyHash,
  NoteError,
  type NoteSignature,
  type NoteSigner,
  type NoteVerifier,
  parseNote,
  parseVerifierKey,
  signatureLine,
} from './note';

/**
 * C2SP tlog-cosignature (https://c2sp.org/tlog-cosignature), Ed25519: a witness signs
 * `cosignature/v1\ntime <unix seconds>\n` followed by the checkpoint text; the signature line carries
 * key hash (type 0x04) ‖ u64 big-endian timestamp ‖ 64-byte signature. A cosignature says: at that
 * time, this was the largest consistent tree the witness had seen for this origin.
 */
export const COSIGNATURE_V1 = 0x04;

/** The witness view of a note key: same name and public key, key hash of type 0x04. */
export function asCosigner<K extends NoteVerifier>(key: K): K {
  return { ...key, type: COSIGNATURE_V1, keyHash: keyHash(key.name, COSIGNATURE_V1, key.publicKey) };
}

export function cosignedMessage(text: string, timestamp: number): Buffer {
  return Buffer.from(`cosignature/v1\ntime ${timestamp}\n${text}`, 'utf8');
}

/** A signature line for the checkpoint, to append to its note. `witness` must come from asCosigner. */
export function cosignCheckpoint(checkpoint: Checkpoint, witness: NoteSigner, timestamp: number): string {
  if (witness.type !== COSIGNATURE_V1) throw new NoteError('a cosigner key has type 0x04 (asCosigner)');
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new NoteError('invalid cosignature time');
  const signature = ed25519Sign(witness.privateKey, cosignedMessage(checkpointText(checkpoint), timestamp));
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(BigInt(timestamp));
  return signatureLine(witness.name, witness.keyHash, Buffer.concat([stamp, signature]));
}

/** The time of the witness's valid cosignature on the note, or null when it has none. */
export function cosignatureTime(note: string, witness: NoteVerifier): number | null {
  const { text, signatures } = parseNote(note);
  for (const s of signatures) {
    if (s.name !== witness.name || s.keyHash !== witness.keyHash || s.signature.length !== 72) continue;
    const timestamp = Number(s.signature.readBigUInt64BE(0));
    if (ed25519Verify(witness.publicKey, cosignedMessage(text, timestamp), s.signature.subarray(8))) return timestamp;
  }
  return null;
}

/**
 * The time of one parsed cosignature line on `text` (a checkpoint note's text), or null when the line is
 * not `witness`'s (name, key hash) or its signature does not verify.
 */
export function cosignatureLineTime(text: string, line: NoteSignature, witness: NoteVerifier): number | null {
  if (line.name !== witness.name || line.keyHash !== witness.keyHash || line.signature.length !== 72) return null;
  const timestamp = line.signature.readBigUInt64BE(0);
  if (timestamp > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const message = cosignedMessage(text, Number(timestamp));
  return ed25519Verify(witness.publicKey, message, line.signature.subarray(8)) ? Number(timestamp) : null;
}

/**
 * A witness's cosigning key from its published verifier key: the C2SP tlog-cosignature/v1 form
 * `<name>+<hash>+base64(0x04 ‖ key)`, or the plain Ed25519 form (type 0x01) of the same key, taken as its
 * cosigner view. Throws NoteError on anything else.
 */
export function parseCosignerKey(vkey: string): NoteVerifier {
  const key = parseVerifierKey(vkey);
  if (key.type === COSIGNATURE_V1) return key;
  if (key.type === ED25519) return asCosigner(key);
  throw new NoteError(`unsupported witness key type 0x${key.type.toString(16).padStart(2, '0')}`);
}
