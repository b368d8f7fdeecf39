import { createHash } from 'node:crypto';

/** A SHA-256 digest of a leaf or of an interior node (32 bytes). */
export type Hash = Buffer;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** RFC 9162 §2.1.1: the hash of an empty tree, SHA-256 of no bytes. */
export const EMPTY_ROOT: Hash = createHash('sha256').digest();

/** RFC 9162 §2.1.1: a leaf's hash, SHA-256(0x00 ‖ bytes). */
export function leafHash(bytes: Uint8Array): Hash {
  return createHash('sha256').update(LEAF_PREFIX).update(bytes).digest();
}

/** RFC 9162 §2.1.1: an interior node's hash, SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Hash {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}
