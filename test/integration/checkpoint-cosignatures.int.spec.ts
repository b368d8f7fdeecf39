import type { PublicEventDraft, StepEvents } from '../../libs/domain/src';
import {
  appendEvents,
  checkpointOfSize,
  cosignaturesOf,
  recordCheckpoint,
  recordCosignatures,
  type NewCosignature,
} from '../../libs/persistence/src';
import {
  asCosigner,
  cosignCheckpoint,
  generateSignerKey,
  parseCheckpointText,
  parseNote,
  parseSignerKey,
} from '../../libs/transparency/src';
import { databaseKinds } from '../support/databases';
import { useTestDatabase } from '../support/fixtures';

const ORIGIN = 'open-decision.test/cosigned';
const staff = { accountId: 'acc-1', username: 'drafter', unit: 'unit-a', role: 'drafter' } as const;

function step(seq: number): StepEvents {
  const draft: PublicEventDraft = {
    seq,
    type: seq === 1 ? 'DecisionRegistered' : 'ProgressReported',
    occurredAt: `2026-05-01T08:00:0${seq}.000Z`,
    actor: { unit: 'unit-a', role: 'drafter' },
    data: seq === 1 ? { title: '城市更新', unit: 'unit-a' } : { percent: seq * 10 },
  };
  return { public: [draft], internal: [{ ...draft, actor: staff }] };
}

function cosignature(note: string, witnessName: string, time: number): NewCosignature {
  const witness = asCosigner(parseSignerKey(generateSignerKey(witnessName).signerKey));
  const line = cosignCheckpoint(parseCheckpointText(parseNote(note).text), witness, time);
  return {
    witnessName,
    keyHash: witness.keyHash.toString(16).padStart(8, '0'),
    signatureLine: line,
    cosignedAt: new Date(time * 1000).toISOString(),
  };
}

describe.each(databaseKinds())('witness cosignatures of checkpoints on %s', (kind) => {
  const fixture = useTestDatabase(kind);
  const signer = parseSignerKey(generateSignerKey(ORIGIN).signerKey);
  const at = new Date('2026-05-01T09:00:00Z');
  const request = (hash: string, key: string | null = null) => ({ idempotencyKey: key, requestHash: hash });

  it('keeps the first cosignature of each witness key per checkpoint, and reports a re-submission', async () => {
    const { dataSource } = fixture;
    await appendEvents(dataSource, 'cs-a', step(1));
    const checkpoint = (await recordCheckpoint(dataSource, signer, at))!;
    expect(await checkpointOfSize(dataSource, checkpoint.size)).toEqual(checkpoint);
    expect(await checkpointOfSize(dataSource, checkpoint.size + 1)).toBeNull();
    const w1 = cosignature(checkpoint.note, 'witness.example/w1', 1_777_000_000);
    const first = await recordCosignatures(dataSource, checkpoint.size, [w1], request('a'.repeat(64)), at);
    expect(first).toMatchObject({ added: 1, replayed: false });
    const later = { ...w1, signatureLine: w1.signatureLine.replace(/.{5}\n$/u, 'AAAA=\n') };
    const again = await recordCosignatures(dataSource, checkpoint.size, [later], request('b'.repeat(64)), new Date());
    expect(again).toMatchObject({ added: 0, replayed: false });
    expect(again.cosignatures[0]!.signatureLine).toBe(w1.signatureLine);
    const w2 = cosignature(checkpoint.note, 'witness.example/w2', 1_777_000_100);
    const both = await recordCosignatures(dataSource, checkpoint.size, [w1, w2], request('c'.repeat(64)), at);
    expect(both.added).toBe(1);
    expect((await cosignaturesOf(dataSource, checkpoint.size)).map((c) => [c.witnessName, c.receivedAt])).toEqual([
      ['witness.example/w1', at.toISOString()],
      ['witness.example/w2', at.toISOString()],
    ]);
  });

  it('answers the same Idempotency-Key with what it stored, and refuses it for another note', async () => {
    const { dataSource } = fixture;
    await appendEvents(dataSource, 'cs-b', step(1));
    const checkpoint = (await recordCheckpoint(dataSource, signer, at))!;
    const w3 = cosignature(checkpoint.note, 'witness.example/w3', 1_777_000_200);
    const keyed = request('d'.repeat(64), 'retry-1');
    expect(await recordCosignatures(dataSource, checkpoint.size, [w3], keyed, at)).toMatchObject({ added: 1 });
    expect(await recordCosignatures(dataSource, checkpoint.size, [w3], keyed, at)).toMatchObject({
      added: 0,
      replayed: true,
    });
    await expect(
      recordCosignatures(dataSource, checkpoint.size, [w3], request('e'.repeat(64), 'retry-1'), at),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('refuses to change or remove a kept cosignature, or one of a checkpoint never signed', async () => {
    const { dataSource } = fixture;
    for (const sql of [
      `UPDATE checkpoint_cosignatures SET signature_line = 'x'`,
      `UPDATE checkpoint_cosignatures SET cosigned_at = '2020-01-01T00:00:00.000Z'`,
      `DELETE FROM checkpoint_cosignatures`,
    ])
      await expect(dataSource.query(sql)).rejects.toThrow(/append-only/);
    if (kind === 'postgres')
      await expect(dataSource.query('TRUNCATE checkpoint_cosignatures')).rejects.toThrow(/append-only/);
    const orphan = cosignature((await checkpointOfSize(dataSource, 1))!.note, 'witness.example/w4', 1_777_000_300);
    if (kind === 'postgres')
      await expect(recordCosignatures(dataSource, 999, [orphan], request('f'.repeat(64)), at)).rejects.toThrow(
        /foreign key/,
      );
  });
});
