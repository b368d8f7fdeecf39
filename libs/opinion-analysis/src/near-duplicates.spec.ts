import { syntheticOpinions } from './spec-support/opinion-corpus';
import { estimatedSimilarity, isConcentrated, minHash, NearDuplicateIndex } from './near-duplicates';
import { DEFAULT_POLICY } from '../../domain/src';

const FORM_LETTER =
  '我强烈反对将城区停车收费标准提高一倍的方案，这会显著增加居民的出行负担，建议维持现行标准并增加公共停车位供给。';

const variants = [
  FORM_LETTER,
  FORM_LETTER.replace('强烈', '坚决'),
  `${FORM_LETTER}谢谢！`,
  `各位领导：${FORM_LETTER}`,
  FORM_LETTER.replace(/，/g, ', ').replace('。', '.'),
  FORM_LETTER.replace('居民', '市民'),
];

const unrelated = [
  '建议在老旧小区加装电梯时给予一楼住户适当补偿，并简化审批流程。',
  '希望延长图书馆周末开放时间，方便上班族借阅。',
  '公交线路 12 路的末班车时间太早，建议延后到晚上十点。',
  '建议对新能源汽车充电桩建设给予用电价格优惠。',
  '学校周边应增设减速带和人行横道信号灯，保障学生安全。',
];

function indexOf(texts: string[]): NearDuplicateIndex {
  const index = new NearDuplicateIndex();
  texts.forEach((text) => index.add(text));
  return index;
}

describe('near-duplicate and form-letter detection', () => {
  it('groups a form letter sent with small edits into one cluster', () => {
    const [largest, ...rest] = indexOf([...variants, ...unrelated]).clusters();
    expect(largest).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rest.every((cluster) => cluster.length === 1)).toBe(true);
  });

  it('keeps unrelated opinions apart, even on the same topic', () => {
    expect(indexOf(['建议提高停车收费标准以减少拥堵，同时把收入用于公共交通。', FORM_LETTER]).clusters()).toHaveLength(
      2,
    );
  });

  it('unites exact copies (same letters and digits) before any MinHash', () => {
    const index = new NearDuplicateIndex();
    index.add('Parking fees: too high!');
    expect(index.lastJoined).toBe(false);
    index.add('parking   FEES too high');
    expect(index.lastJoined).toBe(true);
    expect(index.find(1)).toBe(0);
  });

  it('ignores punctuation, spacing, width and case', () => {
    expect(estimatedSimilarity(minHash('ＡＢＣ，停车收费！'), minHash('abc 停车收费'))).toBe(1);
  });

  it('is deterministic', () => {
    expect(Array.from(minHash(FORM_LETTER))).toEqual(Array.from(minHash(FORM_LETTER)));
    const texts = [...syntheticOpinions(2_000, { seed: 3 })].map((o) => o.text);
    expect(indexOf(texts).clusters()).toEqual(indexOf(texts).clusters());
  });

  it('finds a campaign of 500 copies among 500 other opinions', () => {
    const texts = [
      ...Array.from({ length: 500 }, (_, i) => `${FORM_LETTER}（第${i}位市民）`),
      ...Array.from({ length: 500 }, (_, i) => `关于第${i}号议题：${unrelated[i % unrelated.length]}编号${i * 7919}`),
    ];
    const [largest] = indexOf(texts).clusters();
    expect(largest).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });

  it('finds every template of a synthetic consultation as one group, and no distinct opinion in any', () => {
    const opinions = [...syntheticOpinions(20_000, { seed: 7 })];
    const index = indexOf(opinions.map((o) => o.text));
    const groupsOfLetter = new Map<number, Set<number>>();
    opinions.forEach((o, i) => {
      if (o.letter >= 0) groupsOfLetter.set(o.letter, (groupsOfLetter.get(o.letter) ?? new Set()).add(index.find(i)));
      else expect(index.find(i)).toBe(i);
    });
    expect([...groupsOfLetter.values()].map((groups) => groups.size)).toEqual(Array.from({ length: 20 }, () => 1));
  });

  it('holds 200,000 opinions in a few bytes each: no per-opinion objects', () => {
    const index = new NearDuplicateIndex();
    const before = process.memoryUsage();
    for (const opinion of syntheticOpinions(200_000, { seed: 11 })) index.add(opinion.text);
    const after = process.memoryUsage();
    // ~80k distinct letters × 16 bands × ~12 bytes + 64-byte fingerprints: measured ~19 MB.
    expect(index.bytes).toBeLessThan(40e6);
    expect(after.heapUsed - before.heapUsed).toBeLessThan(100e6);
  });

  it('calls a cluster concentrated from max(10, 5% of the opinions)', () => {
    expect(isConcentrated(10, 100, DEFAULT_POLICY)).toBe(true);
    expect(isConcentrated(9, 100, DEFAULT_POLICY)).toBe(false);
    expect(isConcentrated(49, 1000, DEFAULT_POLICY)).toBe(false);
    expect(isConcentrated(50, 1000, DEFAULT_POLICY)).toBe(true);
  });
});
