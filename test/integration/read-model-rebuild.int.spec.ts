import {
  afterAppend,
  applyRegistration,
  approve,
  DEFAULT_POLICY,
  dueTimers,
  fireTimer,
  initialState,
  perform,
  planConsultation,
  registerDecision,
  saveDraftVersion,
  submitForPublication,
  SYSTEM_ACTOR,
  toStep,
  type DecisionState,
  type StaffActor,
} from '../../libs/domain/src';
import { appendEvents, rebuildReadModels } from '../../libs/persistence/src';
import type { DataSource } from 'typeorm';
import { databaseKinds } from '../support/databases';
import { useTestDatabase } from '../support/fixtures';
import { aRegistration, drafterA } from '../support/decisions';

const reviewer: StaffActor = { accountId: 'acc-reviewer', username: 'reviewer', unit: 'unit-a', role: 'reviewer' };
const day = 86_400_000;
const start = Date.parse('2026-06-01T02:00:00.000Z');

/** Drives one decision `depth` steps into its life through the pure rules and the real appendEvents. */
async function drive(dataSource: DataSource, id: string, depth: number, confidential: boolean): Promise<void> {
  let now = start;
  let state: DecisionState = initialState(id);
  const command = aRegistration({ confidential, confidentialGround: confidential ? '依法不予公开' : undefined });
  const registered = registerDecision(state, command, drafterA, new Date(now));
  await appendEvents(dataSource, id, registered);
  state = applyRegistration(afterAppend(state, registered), command);
  const steps: Array<() => { events: Parameters<typeof appendEvents>[2]; state: DecisionState }> = [
    () =>
      perform(
        saveDraftVersion,
        state,
        { draft: '草案', basis: '依据', explanation: '说明' },
        { actor: drafterA, now: new Date(now), policy: DEFAULT_POLICY },
      ),
    () =>
      perform(
        planConsultation,
        state,
        {
          channels: ['online'],
          opensAt: new Date(now + day).toISOString(),
          closesAt: new Date(now + 40 * day).toISOString(),
        },
        { actor: drafterA, now: new Date(now), policy: DEFAULT_POLICY },
      ),
    () => perform(submitForPublication, state, {}, { actor: drafterA, now: new Date(now), policy: DEFAULT_POLICY }),
    () =>
      perform(
        approve,
        state,
        { reviewId: state.reviews![0]!.id },
        { actor: reviewer, now: new Date(now), policy: DEFAULT_POLICY },
      ),
    () => {
      const context = { actor: SYSTEM_ACTOR, now: new Date(now), policy: DEFAULT_POLICY };
      return toStep(state, fireTimer(state, dueTimers(state)[0]!, context), context);
    },
  ];
  for (const step of steps.slice(0, confidential ? 1 : depth)) {
    now += 2 * day;
    const result = step();
    await appendEvents(dataSource, id, result.events);
    state = result.state;
  }
}

async function snapshot(dataSource: DataSource): Promise<unknown[]> {
  return dataSource.query('SELECT * FROM decisions ORDER BY id');
}

/** The catalogue's search text (ADR 0125), rebuilt from the public log. */
async function searchTexts(dataSource: DataSource): Promise<unknown[]> {
  return dataSource.query('SELECT * FROM public_search_texts ORDER BY decision_id, seq');
}

describe.each(databaseKinds())('rebuilding the read models from the logs on %s', (kind) => {
  const fixture = useTestDatabase(kind);
  let dataSource: DataSource;

  beforeAll(async () => {
    ({ dataSource } = fixture);
    for (let i = 0; i < 7; i += 1) await drive(dataSource, `rebuild-${i}`, i, i === 6);
  });

  it('gives exactly the read model that was maintained live', async () => {
    const live = await snapshot(dataSource);
    expect(live).toHaveLength(7);
    expect(new Set(live.map((row) => (row as { stage: string }).stage))).toEqual(
      new Set(['drafting', 'pre_disclosure', 'consultation']),
    );
    const texts = await searchTexts(dataSource);
    expect(texts).toHaveLength(2);
    expect(await rebuildReadModels(dataSource)).toBe(7);
    expect(await snapshot(dataSource)).toEqual(live);
    expect(await searchTexts(dataSource)).toEqual(texts);
  });

  it('gives the same result when the log is read in pages smaller than one decision', async () => {
    const live = await snapshot(dataSource);
    expect(await rebuildReadModels(dataSource, 2)).toBe(7);
    expect(await snapshot(dataSource)).toEqual(live);
  });

  it('repairs a read model that drifted from the log', async () => {
    const [live, texts] = [await snapshot(dataSource), await searchTexts(dataSource)];
    await dataSource.query(`UPDATE decisions SET stage = 'closed', title = 'tampered' WHERE id = 'rebuild-3'`);
    await dataSource.query(`UPDATE public_search_texts SET text = 'tampered'`);
    await dataSource.query(`DELETE FROM decisions WHERE id = 'rebuild-4'`);
    await rebuildReadModels(dataSource);
    expect(await snapshot(dataSource)).toEqual(live);
    expect(await searchTexts(dataSource)).toEqual(texts);
  });
});
