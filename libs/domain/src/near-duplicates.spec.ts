import { estimatedSimilarity, isConcentrated, minHash, NearDuplicateIndex } from './near-duplicates';
import { DEFAULT_POLICY } from './policy';

const FORM_LETTER = '我强烈反对将城区停车收费标准提高一倍的方案，这会显著增加居民的出行负担，建议维持现行标准并增加公共停车位供给。';

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

describe('near-duplicate and form-letter detection', () => {
  it('groups a form letter sent with small edits into one cluster', () => {
    const index = new NearDuplicateIndex();
    variants.forEach((text, i) => index.add(`v${i}`, text));
    unrelated.forEach((text, i) => index.add(`u${i}`, text));
    const [largest, ...rest] = index.clusters();
    expect(largest!.sort()).toEqual(variants.map((_, i) => `v${i}`).sort());
    expect(rest.every((cluster) => cluster.length === 1)).toBe(true);
  });

  it('keeps unrelated opinions apart, even on the same topic', () => {
    const index = new NearDuplicateIndex();
    index.add('a', '建议提高停车收费标准以减少拥堵，同时把收入用于公共交通。');
    index.add('b', FORM_LETTER);
    expect(index.clusters()).toHaveLength(2);
  });

  it('ignores punctuation, spacing, width and case', () => {
    expect(estimatedSimilarity(minHash('ＡＢＣ，停车收费！'), minHash('abc 停车收费'))).toBe(1);
  });

  it('is deterministic', () => {
    expect(Array.from(minHash(FORM_LETTER))).toEqual(Array.from(minHash(FORM_LETTER)));
  });

  it('finds a campaign of 500 copies among 500 other opinions', () => {
    const index = new NearDuplicateIndex();
    for (let i = 0; i < 500; i += 1) index.add(`c${i}`, `${FORM_LETTER}（第${i}位市民）`);
    for (let i = 0; i < 500; i += 1) index.add(`d${i}`, `关于第${i}号议题：${unrelated[i % unrelated.length]}编号${i * 7919}`);
    const clusters = index.clusters();
    expect(clusters[0]).toHaveLength(500);
    expect(clusters[0]!.every((id) => id.startsWith('c'))).toBe(true);
  });

  it('calls a cluster concentrated from max(10, 5% of the opinions)', () => {
    expect(isConcentrated(10, 100, DEFAULT_POLICY)).toBe(true);
    expect(isConcentrated(9, 100, DEFAULT_POLICY)).toBe(false);
    expect(isConcentrated(49, 1000, DEFAULT_POLICY)).toBe(false);
    expect(isConcentrated(50, 1000, DEFAULT_POLICY)).toBe(true);
  });
});
