import { canonicalize, type PublicLogEntry } from '../../../domain/src';

/**
 * A leaf's bytes: the entry exactly as served, its eight hashed fields in JCS (RFC 8785) as UTF-8. A
 * client that fetched the entry recomputes them without knowing how the server stores it.
 */
export function publicLogLeaf(entry: PublicLogEntry): Buffer {
  const { decisionId, seq, type, occurredAt, actor, data, prevHash, hash } = entry;
  return Buffer.from(canonicalize({ decisionId, seq, type, occurredAt, actor, data, prevHash, hash }), 'utf8');
}
