import { createHash } from 'node:crypto';
import { entryHashInput, GENESIS_HASH, verifyChain, type PublicLogEntry } from './public-log';

const sha256Hex = (input: string): string => createHash('sha256').update(input, 'utf8').digest('hex');

function chain(length: number): PublicLogEntry[] {
  const entries: PublicLogEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const body = {
      decisionId: 'd1',
      seq,
      type: 'ProgressReported' as const,
      occurredAt: `2026-01-0${seq}T00:00:00.000Z`,
      actor: { unit: 'unit-a', role: 'drafter' as const },
      data: { percent: seq * 10 },
    };
    const hash = sha256Hex(entryHashInput(prevHash, body));
    entries.push({ ...body, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

describe('public log hashing (SPEC.md §6)', () => {
  it('hashes prevHash, a newline and the JCS of the six entry fields', () => {
    const entry = {
      decisionId: 'd1',
      seq: 1,
      type: 'DecisionRegistered' as const,
      occurredAt: '2026-01-05T00:00:00.000Z',
      actor: { unit: 'unit-a', role: 'drafter' as const },
      data: { title: '养老金' },
    };
    // Computed independently (Python hashlib over the hand-written canonical form).
    expect(sha256Hex(entryHashInput(GENESIS_HASH, entry))).toBe(
      '5dfa5887d6613965228419663677e8bf6890dffa773ccc02a46948e0b3550aa9',
    );
  });

  it('accepts an intact chain and reports its head', () => {
    const entries = chain(4);
    expect(verifyChain('d1', entries, sha256Hex)).toEqual({ ok: true, head: { seq: 4, hash: entries[3]?.hash } });
  });

  it('detects an entry whose data was changed', () => {
    const entries = chain(4);
    entries[2] = { ...entries[2]!, data: { percent: 99 } };
    expect(verifyChain('d1', entries, sha256Hex)).toEqual({ ok: false, seq: 3, problem: 'hash' });
  });

  it('detects a removed entry', () => {
    const entries = chain(4);
    entries.splice(1, 1);
    expect(verifyChain('d1', entries, sha256Hex)).toEqual({ ok: false, seq: 2, problem: 'gap' });
  });

  it('detects a re-hashed entry that breaks the link to its successor', () => {
    const entries = chain(3);
    const forged = { ...entries[1]!, data: { percent: 1 } };
    forged.hash = sha256Hex(entryHashInput(forged.prevHash, forged));
    entries[1] = forged;
    expect(verifyChain('d1', entries, sha256Hex)).toEqual({ ok: false, seq: 3, problem: 'prev_hash' });
  });

  it('detects an entry of another decision', () => {
    expect(verifyChain('d2', chain(1), sha256Hex)).toEqual({ ok: false, seq: 1, problem: 'decision' });
  });
});
