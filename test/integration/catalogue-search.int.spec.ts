import type { InternalEventDraft, PublicEventDraft, StaffActor } from '../../libs/domain/src';
import {
  appendEvents,
  listDecisions,
  publicCatalogueFacets,
  rebuildReadModels,
  searchableTexts,
  searchTerms,
} from '../../libs/persistence/src';
import type { DataSource } from 'typeorm';
import { PublicSearchTexts1765970000000 as PostgresMigration } from '../../libs/persistence/src/migrations/postgres/1765970000000-public-search-texts';
import { PublicSearchTexts1765970000000 as SqliteMigration } from '../../libs/persistence/src/migrations/sqlite/1765970000000-public-search-texts';
import { databaseKinds } from '../support/databases';
import { useTestDatabase } from '../support/fixtures';

// The public catalogue's search (ADR 108, 0125): every word must occur in the title, the summary or the
// text of a published draft version or decision (the public_search_texts read model, never the log's
// JSON); Latin letters in any case; `%` and `_` literal; nothing of a confidential decision.

const actor: StaffActor = { accountId: 'acc-1', username: 'drafter', unit: 'unit-a', role: 'drafter' };
const at = (minute: number): string => `2026-05-01T08:${String(minute).padStart(2, '0')}:00.000Z`;
const system = { unit: 'system', role: 'system' } as const;

function registration(title: string, category: string, confidential = false): Step {
  const data = {
    title,
    summary: `${title}的概要`,
    unit: 'unit-a',
    category,
    riskAssessmentRequired: false,
    plannedDates: {},
  };
  const internal = { ...data, confidential, confidentialGround: confidential ? '工作秘密' : null };
  return {
    public: confidential ? [] : [{ seq: 1, type: 'DecisionRegistered', occurredAt: at(0), actor: system, data }],
    internal: [{ seq: 1, type: 'DecisionRegistered', occurredAt: at(0), actor, data: internal }],
  };
}
type Step = { public: PublicEventDraft[]; internal: InternalEventDraft[] };

/** A public entry carrying a text, with an internal entry the read model ignores. */
function published(seq: number, type: 'DraftPublished' | 'DecisionPublished', data: Record<string, unknown>): Step {
  return {
    public: [{ seq, type, occurredAt: at(seq), actor: system, data }],
    internal: [{ seq, type: 'ProgressReported', occurredAt: at(seq), actor, data: {} }],
  };
}
const draft = (version: number, text: string): Record<string, unknown> => ({
  version,
  draft: text,
  basis: '依据',
  explanation: '起草说明',
  consultation: { channels: ['online'], opensAt: at(1), closesAt: at(2) },
});
const decision = (text: string): Record<string, unknown> => ({
  text,
  interpretation: { plainLanguage: 'Plain words about PARKING' },
  adoptionExplanation: null,
  executionUnit: 'unit-a',
  evaluationDueAt: at(9),
});

describe.each(databaseKinds())('the catalogue search on %s', (kind) => {
  const fixture = useTestDatabase(kind);
  let dataSource: DataSource;
  const search = async (q: string, searchTexts = true, category?: string): Promise<string[]> =>
    (await listDecisions(dataSource, { publicOnly: true, q, searchTexts, category, page: 1, pageSize: 20 })).items
      .map((d) => d.id)
      .sort();

  beforeAll(async () => {
    ({ dataSource } = fixture);
    await appendEvents(dataSource, 'parking', registration('关于调整停车收费的决定', 'transport'));
    await appendEvents(dataSource, 'parking', published(2, 'DraftPublished', draft(1, '第一条 夜间停车免费。')));
    await appendEvents(dataSource, 'parking', published(3, 'DraftPublished', draft(2, '第一条 夜间停车减半收费。')));
    await appendEvents(dataSource, 'housing', registration('老旧小区改造方案', 'housing'));
    await appendEvents(dataSource, 'housing', published(2, 'DecisionPublished', decision('加装电梯由财政补贴。')));
    await appendEvents(dataSource, 'secret', registration('涉密的停车事项', 'transport', true));
    await appendEvents(dataSource, 'percent', registration('路灯节能改造', 'energy'));
    await appendEvents(dataSource, 'percent', published(2, 'DraftPublished', draft(1, '电费下降 20%，型号 LED_X。')));
  });

  /** The results of a set of queries, to compare before and after a rebuild or a migration. */
  const results = async (): Promise<string[][]> =>
    Promise.all(['停车', '免费', '减半', '电梯', 'parking', '20%', 'led_x', '涉密', 'draft'].map((q) => search(q)));
  const stored = async (): Promise<unknown[]> =>
    dataSource.query('SELECT decision_id, seq, type, text FROM public_search_texts ORDER BY decision_id, seq');

  it('finds a word of a published draft or decision text, and only titles and summaries without texts', async () => {
    expect(await search('减半')).toEqual(['parking']);
    expect(await search('加装电梯')).toEqual(['housing']);
    expect(await search('加装电梯', false)).toEqual([]);
    expect(await search('停车')).toEqual(['parking']);
  });

  it('needs every word, matches Latin letters in any case, and never finds a confidential decision', async () => {
    expect(await search('夜间 减半')).toEqual(['parking']);
    expect(await search('夜间 电梯')).toEqual([]);
    expect(await search('parking')).toEqual(['housing']);
    expect(await search('涉密')).toEqual([]);
  });

  it('matches no field name or code of the log entries, only their words', async () => {
    for (const q of ['draft', 'text', 'online', 'basis', 'version', 'consultation', 'interpretation', 'opensAt'])
      expect({ q, found: await search(q) }).toEqual({ q, found: [] });
    expect(await search('executionUnit')).toEqual([]);
    expect(await search('unit-a')).toEqual([]);
  });

  it('finds a word only in an earlier draft version, and one only in the adopted text', async () => {
    expect(await search('免费')).toEqual(['parking']);
    expect(await search('财政补贴')).toEqual(['housing']);
    expect(await search('words about')).toEqual(['housing']);
  });

  it('takes % and _ literally', async () => {
    expect(await search('%')).toEqual(['percent']);
    expect(await search('20%')).toEqual(['percent']);
    expect(await search('2%')).toEqual([]);
    expect(await search('_')).toEqual(['percent']);
    expect(await search('led_x')).toEqual(['percent']);
    expect(await search('le_')).toEqual([]);
    expect(await search('\\')).toEqual([]);
  });

  it('holds only the words of public entries: nothing of a confidential decision', async () => {
    const rows = (await stored()) as Array<{ decision_id: string; text: string }>;
    expect(rows.map((row) => row.decision_id)).toEqual(['housing', 'parking', 'parking', 'percent']);
    expect(rows.map((row) => row.text).join('\n')).not.toMatch(/draft|consultation|online|涉密/);
  });

  it('gives the same search text and results after a read-model rebuild, which also repairs a drift', async () => {
    const [before, texts] = [await results(), await stored()];
    expect(before.flat()).toContain('percent');
    expect(await rebuildReadModels(dataSource, 2)).toBe(4);
    expect(await stored()).toEqual(texts);
    expect(await results()).toEqual(before);
    await dataSource.query(`DELETE FROM public_search_texts WHERE decision_id = 'housing'`);
    expect(await search('电梯')).toEqual([]);
    await rebuildReadModels(dataSource);
    expect(await stored()).toEqual(texts);
    expect(await results()).toEqual(before);
  });

  it('fills the search text from the public log already stored when the migration runs', async () => {
    const [before, texts] = [await results(), await stored()];
    const runner = dataSource.createQueryRunner();
    try {
      await runner.query('DROP TABLE public_search_texts');
      await (kind === 'postgres' ? new PostgresMigration() : new SqliteMigration()).up(runner);
    } finally {
      await runner.release();
    }
    expect(await stored()).toEqual(texts);
    expect(await results()).toEqual(before);
  });

  it('filters by category and offers the categories and units of public decisions', async () => {
    expect(await search('', true, 'housing')).toEqual(['housing']);
    const facets = await publicCatalogueFacets(dataSource);
    expect(facets.categories).toEqual(['energy', 'housing', 'transport']);
    expect(facets.units).toEqual(['unit-a']);
  });

  it('reads the latest draft and the decision texts of the results', async () => {
    const texts = await searchableTexts(dataSource, ['parking', 'housing', 'secret']);
    expect(texts.get('parking')?.draft).toEqual(['第一条 夜间停车减半收费。', '依据', '起草说明']);
    expect(texts.get('housing')?.decision).toEqual(['加装电梯由财政补贴。', 'Plain words about PARKING']);
    expect(texts.has('secret')).toBe(false);
  });

  it('takes at most five words, keeps LIKE wildcards (matched literally) and splits on full-width spaces', () => {
    expect(searchTerms('停车　收费 %_ a b c d e')).toEqual(['停车', '收费', '%_', 'a', 'b']);
  });
});
