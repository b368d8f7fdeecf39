import { createHash } from 'node:crypto';
import { entryHashInput, findChainBreak, GENESIS_HASH, verifyChain, type PublicLogEntry } from './public-log';
import { verifyTimeline } from './timeline-verification';

const sha256Hex = (input: string): string => createHash('sha256').update(input, 'utf8').digest('hex');

function chain(length: number, decisionId = 'd1'): PublicLogEntry[] {
  const entries: PublicLogEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const body = {
      decisionId,
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

/** A timeline body as the gateway serves it, round-tripped through JSON like a client receives it. */
const served = (
  entries: PublicLogEntry[],
  head = entries.at(-1) ? { seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash } : null,
): unknown => JSON.parse(JSON.stringify({ entries, head }));

describe('findChainBreak: where and why a chain breaks', () => {
  it('finds nothing in an intact chain', () => {
    expect(findChainBreak('d1', chain(3), sha256Hex)).toBeNull();
  });

  it('reports a changed entry with the recomputed and the served hash', () => {
    const entries = chain(3);
    entries[1] = { ...entries[1]!, data: { percent: 99 } };
    const found = findChainBreak('d1', entries, sha256Hex);
    expect(found).toMatchObject({ seq: 2, index: 1, problem: 'hash', actual: entries[1]!.hash });
    expect(found?.expected).toMatch(/^[0-9a-f]{64}$/);
    expect(found?.expected).not.toBe(entries[1]!.hash);
  });

  it('tells a removed entry (gap) from reordered ones (order)', () => {
    const removed = chain(4);
    removed.splice(2, 1);
    expect(findChainBreak('d1', removed, sha256Hex)).toEqual({
      seq: 3,
      index: 2,
      problem: 'gap',
      expected: 3,
      actual: 4,
    });
    const swapped = chain(4);
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    expect(findChainBreak('d1', swapped, sha256Hex)).toEqual({
      seq: 2,
      index: 1,
      problem: 'order',
      expected: 2,
      actual: 3,
    });
    const repeated = chain(3);
    repeated.splice(2, 0, repeated[1]!);
    expect(findChainBreak('d1', repeated, sha256Hex)).toEqual({
      seq: 3,
      index: 2,
      problem: 'order',
      expected: 3,
      actual: 2,
    });
  });

  it('reports a broken link with the hash it should have pointed to', () => {
    const entries = chain(3);
    const forged = { ...entries[1]!, data: { percent: 1 } };
    forged.hash = sha256Hex(entryHashInput(forged.prevHash, forged));
    entries[1] = forged;
    expect(findChainBreak('d1', entries, sha256Hex)).toEqual({
      seq: 3,
      index: 2,
      problem: 'prev_hash',
      expected: forged.hash,
      actual: entries[2]!.prevHash,
    });
  });

  it('keeps verifyChain as it was: an entry out of order is a gap there', () => {
    const swapped = chain(3);
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    expect(verifyChain('d1', swapped, sha256Hex)).toEqual({ ok: false, seq: 2, problem: 'gap' });
  });
});

describe('verifyTimeline: a served timeline as received', () => {
  it('accepts an intact timeline and reports the number of entries and the head', () => {
    const entries = chain(3);
    expect(verifyTimeline('d1', served(entries), sha256Hex)).toEqual({
      ok: true,
      decisionId: 'd1',
      entries: 3,
      head: { seq: 3, hash: entries[2]!.hash },
    });
  });

  it('names the seq and the reason of a tampered entry', () => {
    const entries = chain(3);
    entries[1] = { ...entries[1]!, data: { percent: 99 } };
    const verdict = verifyTimeline('d1', served(entries, { seq: 3, hash: entries[2]!.hash }), sha256Hex);
    expect(verdict).toMatchObject({ ok: false, seq: 2, problem: 'hash', entries: 3 });
    expect(verdict.ok || verdict.reason).toMatch(
      /^the content does not match its hash \(recomputed [0-9a-f]{12}…, served [0-9a-f]{12}…\)$/,
    );
  });

  it('names the missing seq of a removed entry', () => {
    const entries = chain(4);
    entries.splice(1, 1);
    expect(verifyTimeline('d1', served(entries), sha256Hex)).toMatchObject({
      ok: false,
      seq: 2,
      problem: 'gap',
      reason: 'seq 2 is missing (the next entry is seq 3)',
    });
  });

  it('fails when the served head is not the last entry (entries withheld at the end)', () => {
    const entries = chain(3);
    const head = { seq: 3, hash: entries[2]!.hash };
    const verdict = verifyTimeline('d1', served(entries.slice(0, 2), head), sha256Hex);
    expect(verdict).toMatchObject({
      ok: false,
      seq: 3,
      problem: 'head',
      expected: `2:${entries[1]!.hash}`,
      actual: `3:${head.hash}`,
    });
    expect(verifyTimeline('d1', served(entries, null), sha256Hex)).toMatchObject({
      ok: false,
      seq: 3,
      problem: 'head',
      actual: null,
    });
  });

  it('fails an empty timeline: a public decision always has its first entry', () => {
    expect(verifyTimeline('d1', { entries: [], head: null }, sha256Hex)).toMatchObject({
      ok: false,
      seq: 1,
      problem: 'gap',
      entries: 0,
    });
  });

  it('fails entries of another decision', () => {
    expect(verifyTimeline('d2', served(chain(2)), sha256Hex)).toMatchObject({
      ok: false,
      seq: 1,
      problem: 'decision',
      expected: 'd2',
      actual: 'd1',
    });
  });

  it.each([
    [
      'a field that is not hashed',
      (e: Record<string, unknown>) => ({ ...e, title: '另一个标题' }),
      /has fields that are not hashed: title/,
    ],
    ['a missing field', ({ data: _data, ...e }: Record<string, unknown>) => e, /lacks data/],
    [
      'a seq that is not an integer',
      (e: Record<string, unknown>) => ({ ...e, seq: '2' }),
      /seq that is not an integer/,
    ],
    [
      'data that is not an object',
      (e: Record<string, unknown>) => ({ ...e, data: 'x' }),
      /actor or data that is not an object/,
    ],
    [
      'a number JSON cannot canonicalize',
      (e: Record<string, unknown>) => ({ ...e, data: { n: Infinity } }),
      /canonicalization/,
    ],
  ])('fails an entry with %s as malformed at its position', (_name, change, reason) => {
    const body = served(chain(3)) as { entries: Record<string, unknown>[] };
    body.entries[1] = change(body.entries[1]!);
    expect(verifyTimeline('d1', body, sha256Hex)).toMatchObject({
      ok: false,
      seq: 2,
      problem: 'malformed',
      reason: expect.stringMatching(reason),
    });
  });

  it.each([[null], ['<html>'], [{ entries: {} }], [{ entries: [] }]])(
    'fails a body that is not a timeline: %j',
    (body) => {
      expect(verifyTimeline('d1', body, sha256Hex)).toMatchObject({
        ok: false,
        seq: 0,
        problem: 'malformed',
        entries: 0,
      });
    },
  );
});
