import { syntheticOpinions } from './spec-support/opinion-corpus';
import { OpinionClusterer, type Clustering } from './opinion-clustering';

interface Input {
  text: string;
  section?: string | null;
}

/** Both passes over `inputs` in their order, as the database clustering runs them. */
function cluster(inputs: Input[]): Clustering {
  const clusterer = new OpinionClusterer();
  inputs.forEach((input) => clusterer.add(input.text));
  clusterer.endNearDuplicates();
  inputs.forEach((input, i) => {
    if (clusterer.needsDescription(i)) clusterer.describe(i, input.text, input.section ?? null);
  });
  return clusterer.finish();
}

/** Members of each cluster, by input index. */
function members(result: Clustering, count: number): number[][] {
  const groups = result.clusters.map((): number[] => []);
  for (let i = 0; i < count; i += 1) groups[result.clusterOf(i)]!.push(i);
  return groups;
}

const sameCluster = (result: Clustering, indices: number[]): boolean =>
  new Set(indices.map((i) => result.clusterOf(i))).size === 1;

const FORM_LETTER =
  '我们坚决支持老旧小区加装电梯，一楼住户的采光损失应当由财政给予合理补偿，审批手续请在三十日内办结。';

const CHINESE: Input[] = [
  { text: FORM_LETTER },
  { text: FORM_LETTER.replace('坚决', '强烈') },
  { text: `尊敬的领导：${FORM_LETTER}此致敬礼` },
  { text: '夜间在小区周边停车收费过高，建议降低标准。' },
  { text: '路边的停车收费太贵，至少夜间免费。' },
  { text: '对停车收费调整有意见：夜间应当免费或者半价。' },
  { text: '建议图书馆延长开放时间，周末晚上也应开放。' },
  { text: '图书馆的开放时间太短，上班族下班后无法借书。' },
  { text: '希望市图书馆和区图书馆统一开放时间，并增加自习座位。' },
  { text: '第五条规定的补贴对象范围太窄，应当把灵活就业人员纳入。', section: '第五条' },
  { text: '建议给退役军人也发放，补贴对象应扩大，标准每年调整一次。', section: '第 五 条' },
  { text: '第九条关于补贴发放日期的表述不明确。', section: '第九条' },
  { text: '学校周边应增设减速带和人行横道信号灯，保障学生安全。' },
  { text: '建议对新能源汽车充电桩建设给予用电价格优惠。' },
];

describe('opinion clustering: near-duplicates, then topics', () => {
  it('puts a form letter with small edits in one cluster and keeps unrelated opinions apart', () => {
    const result = cluster(CHINESE);
    expect(sameCluster(result, [0, 1, 2])).toBe(true);
    expect(result.clusterOf(12)).not.toBe(result.clusterOf(13));
    for (const lone of [11, 12, 13]) expect(result.clusters[result.clusterOf(lone)]!.size).toBe(1);
  });

  it('joins differently worded opinions that share two salient terms, Chinese without spaces', () => {
    const result = cluster(CHINESE);
    expect(sameCluster(result, [3, 4, 5])).toBe(true);
    expect(sameCluster(result, [6, 7, 8])).toBe(true);
    expect(result.clusterOf(3)).not.toBe(result.clusterOf(6));
    const library = result.clusters[result.clusterOf(6)]!;
    expect(library.keywords).toEqual(expect.arrayContaining(['图书馆', '开放时间']));
    expect(library.label).toContain('图书馆');
  });

  it('joins opinions on the same section that share a term, but not across sections', () => {
    const result = cluster(CHINESE);
    expect(result.clusterOf(9)).toBe(result.clusterOf(10));
    expect(result.clusterOf(11)).not.toBe(result.clusterOf(9));
  });

  it('works on English: a form letter and a topic', () => {
    const letter = 'Please build protected bike lanes on Main Street, children need to cycle to school safely.';
    const english: Input[] = [
      { text: letter },
      { text: letter.replace('Please', 'I beg you:') },
      { text: `${letter} Thank you.` },
      { text: 'Parking fees in the city centre hurt residents who work night shifts.' },
      { text: 'Residents should pay lower parking fees than visitors.' },
      { text: 'Keep the library open longer on weekends.' },
      { text: 'Library hours on weekends are too short for students.' },
      { text: 'Bus route 12 needs more frequent service.' },
    ];
    const result = cluster(english);
    expect(sameCluster(result, [0, 1, 2])).toBe(true);
    expect(sameCluster(result, [3, 4])).toBe(true);
    expect(sameCluster(result, [5, 6])).toBe(true);
    expect(result.clusters[result.clusterOf(7)]!.size).toBe(1);
    expect(result.clusters[result.clusterOf(3)]!.keywords).toContain('parking fees');
  });

  it('labels a cluster without keywords with the start of its representative text', () => {
    const result = cluster([
      { text: '这是一条内容完全独特、没有任何其他意见与之共享词语的意见，长度超过三十个字符以便截断。' },
    ]);
    expect(result.clusters).toEqual([
      {
        kind: 'opinions',
        size: 1,
        representative: 0,
        stance: 'none',
        keywords: [],
        label: '这是一条内容完全独特、没有任何其他意见与之共享词语的意见，长…',
        groups: 1,
      },
    ]);
  });

  it('numbers clusters by size, largest first, and gives the same clusters for the same input order', () => {
    const inputs = [...syntheticOpinions(5_000, { seed: 5 })];
    const first = cluster(inputs);
    const second = cluster(inputs);
    expect(first.clusters).toEqual(second.clusters);
    expect(members(first, inputs.length)).toEqual(members(second, inputs.length));
    const sizes = first.clusters.map((c) => c.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(inputs.length);
  });

  it('keeps every form letter of a synthetic consultation whole and mostly on one topic', () => {
    const inputs = [...syntheticOpinions(20_000, { seed: 9 })];
    const result = cluster(inputs);
    const clustersOfLetter = new Map<number, Set<number>>();
    let onTopic = 0;
    inputs.forEach((input, i) => {
      const k = result.clusterOf(i);
      if (input.letter >= 0)
        clustersOfLetter.set(input.letter, (clustersOfLetter.get(input.letter) ?? new Set()).add(k));
      if (inputs[result.clusters[k]!.representative]!.topic === input.topic) onTopic += 1;
    });
    expect([...clustersOfLetter.values()].every((clusters) => clusters.size === 1)).toBe(true);
    expect(onTopic / inputs.length).toBeGreaterThan(0.9);
  });
});
