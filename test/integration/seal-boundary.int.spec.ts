import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { RECEIPT_SYMBOLS, receiptFrom } from '../../libs/domain/src';
import {
  OpinionGroupCommit,
  sealConsultation,
  storeOpinion,
  type OpinionToStore,
  type Stored,
} from '../../libs/persistence/src';
import { databaseKinds } from '../support/databases';
import { useTestDatabase } from '../support/fixtures';
import { untilTime } from '../support/eventually';

type Intake = (dataSource: DataSource) => (opinion: OpinionToStore) => Promise<Stored>;
const paths: Array<[string, Intake, number]> = [
  ['one transaction per opinion', (dataSource) => (opinion) => storeOpinion(dataSource, opinion, () => new Date()), 16],
  [
    'group commit',
    (dataSource) => {
      const intake = new OpinionGroupCommit(dataSource);
      return (opinion) => intake.store(opinion);
    },
    64,
  ],
];

describe.each(
  databaseKinds().flatMap((kind) => paths.map(([name, intake, writers]) => [kind, name, intake, writers] as const)),
)('the seal under a concurrent flood across the close time on %s, %s', (kind, name, intake, writers) => {
  const fixture = useTestDatabase(kind);
  let dataSource: DataSource;
  beforeAll(() => ({ dataSource } = fixture));

  it(`accepts nothing after the seal and leaves out nothing that got a receipt (${writers} writers)`, async () => {
    const decisionId = `seal-${kind}-${name.length}`;
    const store = intake(dataSource);
    const opensAt = new Date(Date.now() - 1_000).toISOString();
    const closesAt = new Date(Date.now() + 1_500).toISOString();
    await dataSource.query(
      `INSERT INTO consultations (decision_id, status, opens_at, closes_at) VALUES ('${decisionId}', 'open', '${opensAt}', '${closesAt}')`,
    );

    const accepted: Stored[] = [];
    let refused = 0;
    let keys = 0;
    const stopAt = Date.parse(closesAt) + 1_000;
    const flood = async (): Promise<void> => {
      while (Date.now() < stopAt) {
        keys += 1;
        try {
          accepted.push(
            await store({
              receipt: receiptFrom(Array.from({ length: RECEIPT_SYMBOLS }, () => randomInt(31))),
              decisionId,
              channel: 'online',
              section: null,
              textRaw: `意见 ${keys}`,
              textPublic: `意见 ${keys}`,
              contact: null,
              idempotencyKey: `k${keys}`,
              requestHash: `h${keys}`,
            }),
          );
        } catch (error) {
          expect(error).toMatchObject({ code: 'CONSULTATION_NOT_OPEN' });
          refused += 1;
        }
      }
    };
    // The timer fires at the close time while the flood goes on (as the workflow's would).
    const seal = (async () => {
      await untilTime(Date.parse(closesAt));
      return sealConsultation(dataSource, decisionId, new Date());
    })();
    const [counts] = await Promise.all([seal, ...Array.from({ length: writers }, flood)]);

    expect(accepted.length).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(0);
    expect(accepted.every((opinion) => opinion.receivedAt < closesAt)).toBe(true);
    expect(counts.received).toBe(accepted.length);
    const rows = (await dataSource.query(
      `SELECT receipt, received_at FROM opinions WHERE decision_id = '${decisionId}'`,
    )) as Array<{ receipt: string; received_at: string }>;
    expect(new Set(rows.map((r) => r.receipt))).toEqual(new Set(accepted.map((a) => a.receipt)));
    expect(rows.every((r) => r.received_at < closesAt)).toBe(true);
    expect(await sealConsultation(dataSource, decisionId, new Date())).toEqual(counts);
  });
});
