import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { RECEIPT_SYMBOLS, receiptFrom } from '../../libs/domain/src';
import { sealConsultation, storeOpinion, type Stored } from '../../libs/persistence/src';
import { databaseKinds } from '../support/databases';
import { useTestDatabase } from '../support/fixtures';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(databaseKinds())('the seal under a concurrent flood across the close time on %s', (kind) => {
  const fixture = useTestDatabase(kind);
  let dataSource: DataSource;
  beforeAll(() => ({ dataSource } = fixture));

  it('accepts nothing after the seal and leaves out nothing that got a receipt', async () => {
    const decisionId = `seal-${kind}`;
    const opensAt = new Date(Date.now() - 1_000).toISOString();
    const closesAt = new Date(Date.now() + 1_500).toISOString();
    await dataSource.query(`INSERT INTO consultations (decision_id, status, opens_at, closes_at) VALUES ('${decisionId}', 'open', '${opensAt}', '${closesAt}')`);

    const accepted: Stored[] = [];
    let refused = 0;
    let keys = 0;
    const stopAt = Date.parse(closesAt) + 1_000;
    const flood = async (): Promise<void> => {
      while (Date.now() < stopAt) {
        keys += 1;
        try {
          accepted.push(
            await storeOpinion(
              dataSource,
              {
                receipt: receiptFrom(Array.from({ length: RECEIPT_SYMBOLS }, () => randomInt(31))),
                decisionId,
                channel: 'online',
                section: null,
                textRaw: `意见 ${keys}`,
                textPublic: `意见 ${keys}`,
                contact: null,
                idempotencyKey: `k${keys}`,
                requestHash: `h${keys}`,
              },
              () => new Date(),
            ),
          );
        } catch (error) {
          expect(error).toMatchObject({ code: 'CONSULTATION_NOT_OPEN' });
          refused += 1;
        }
      }
    };
    // The timer fires at the close time while the flood goes on (as the workflow's would).
    const seal = (async () => {
      await sleep(Date.parse(closesAt) - Date.now());
      return sealConsultation(dataSource, decisionId, new Date());
    })();
    const [counts] = await Promise.all([seal, ...Array.from({ length: 16 }, flood)]);

    expect(accepted.length).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(0);
    expect(accepted.every((opinion) => opinion.receivedAt < closesAt)).toBe(true);
    expect(counts.received).toBe(accepted.length);
    const rows = (await dataSource.query(`SELECT receipt, received_at FROM opinions WHERE decision_id = '${decisionId}'`)) as Array<{ receipt: string; received_at: string }>;
    expect(new Set(rows.map((r) => r.receipt))).toEqual(new Set(accepted.map((a) => a.receipt)));
    expect(rows.every((r) => r.received_at < closesAt)).toBe(true);
    expect(await sealConsultation(dataSource, decisionId, new Date())).toEqual(counts);
  });
});
