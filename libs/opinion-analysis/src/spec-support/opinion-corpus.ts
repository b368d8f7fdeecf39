/**
 * A deterministic synthetic consultation: form letters (a few templates sent many times with small
 * edits) and distinct opinions over a Chinese vocabulary, some citing a section. Used by the clustering
 * tests and the million-opinion benchmark; the same seed always gives the same opinions.
 */

/** mulberry32: a small, fast, seeded PRNG. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Topics with their own vocabulary: distinct opinions on one topic share these terms. */
export const TOPICS: ReadonlyArray<{ name: string; terms: readonly string[] }> = [
  { name: '停车', terms: ['停车收费', '停车位', '路边停车', '停车场建设', '错峰停车'] },
  { name: '公交', terms: ['公交线路', '末班车', '公交站台', '公交专用道', '换乘优惠'] },
  { name: '养老', terms: ['养老服务', '养老金', '社区食堂', '居家养老', '护理补贴'] },
  { name: '教育', terms: ['学区划分', '课后服务', '校车安全', '教师编制', '入学名额'] },
  { name: '医疗', terms: ['医保报销', '门诊统筹', '家庭医生', '药品目录', '挂号难'] },
  { name: '环境', terms: ['垃圾分类', '噪音扰民', '绿化带', '污水处理', '扬尘治理'] },
  { name: '住房', terms: ['公租房', '老旧小区改造', '加装电梯', '物业管理', '租金补贴'] },
  { name: '就业', terms: ['技能培训', '创业贷款', '灵活就业', '社保补贴', '招聘会'] },
  { name: '交通安全', terms: ['电动自行车', '红绿灯', '人行横道', '限速标志', '学校周边'] },
  { name: '文化', terms: ['图书馆', '开放时间', '文化广场', '体育设施', '全民健身'] },
];

const FILLERS = [
  '我认为',
  '建议',
  '希望政府',
  '目前的情况是',
  '据我了解',
  '从实际出发',
  '考虑到居民需求',
  '另外',
  '同时',
  '总的来说',
  '具体而言',
  '比如',
  '我们小区',
  '很多市民反映',
  '长期以来',
  '应当',
  '作为一名退休职工',
  '作为家长',
  '根据我的观察',
  '在征求意见稿中',
  '从长远看',
  '本人认为',
  '经过调查',
  '大家普遍认为',
  '坦率地说',
  '相比周边城市',
  '按照现行规定',
  '结合本地实际',
  '为了方便群众',
  '我们注意到',
  '值得关注的是',
  '最后',
  '首先',
  '其次',
  '此外',
  '据统计',
  '有邻居提到',
  '实践证明',
  '过去几年',
  '特别是',
];
const PHRASES = [
  '进一步加强监管',
  '简化办理流程',
  '加大财政投入',
  '听取群众意见',
  '明确责任分工',
  '提高服务质量',
  '完善配套措施',
  '公开办理进度',
  '设置过渡期',
  '分步实施',
  '加强宣传解释',
  '保障困难群体',
  '定期评估效果',
  '引入第三方评估',
  '降低群众负担',
  '优化资源配置',
  '兼顾公平和效率',
  '尽快出台细则',
  '增加网上办理渠道',
  '延长办理时限',
  '建立投诉反馈机制',
  '公布资金使用情况',
  '统一执行标准',
  '加强部门协同',
  '试点先行',
  '扩大覆盖范围',
  '提高补助标准',
  '减少审批环节',
  '落实属地责任',
  '强化考核问责',
  '鼓励社会参与',
  '做好应急预案',
  '保护个人信息',
  '照顾老年人需求',
  '提供多语种服务',
  '设立专门窗口',
  '开展满意度调查',
  '及时公开数据',
  '完善监督机制',
  '畅通意见渠道',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function distinctText(random: () => number, topic: { terms: readonly string[] }): string {
  const parts: string[] = [];
  let length = 0;
  while (length < 120 + random() * 60) {
    const part = `${pick(random, FILLERS)}${random() < 0.6 ? pick(random, topic.terms) : ''}${pick(random, PHRASES)}${random() < 0.3 ? `，涉及约${Math.floor(random() * 9000 + 100)}户` : ''}。`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

/** A form letter of ~150 characters on one topic. */
function template(random: () => number, n: number): string {
  const topic = TOPICS[n % TOPICS.length]!;
  return `我们是第${n + 1}批联名居民，${distinctText(random, topic)}`;
}

const EDITS: ReadonlyArray<(text: string, random: () => number) => string> = [
  (t) => t,
  (t) => `尊敬的领导：${t}`,
  (t) => `${t}此致敬礼！`,
  (t, r) => `${t}（联系人第${Math.floor(r() * 100000)}号）`,
  (t) => t.replace('建议', '强烈建议'),
  (t) => t.replace(/，/g, ', '),
  (t) => t.replace('希望政府', '恳请政府'),
  (t, r) => t.slice(0, Math.floor(t.length * (0.85 + r() * 0.15))),
];

export interface SyntheticOpinion {
  text: string;
  section: string | null;
  /** Which template it copies (-1 for a distinct opinion), for checks. */
  letter: number;
  topic: number;
}

/** `count` opinions: `letterShare` of them copies of `templates` form letters with small edits. */
export function* syntheticOpinions(
  count: number,
  options: { seed?: number; templates?: number; letterShare?: number } = {},
): Generator<SyntheticOpinion> {
  const random = seededRandom(options.seed ?? 42);
  const templateCount = options.templates ?? 20;
  const letters = Array.from({ length: templateCount }, (_, n) => template(random, n));
  for (let i = 0; i < count; i += 1) {
    if (random() < (options.letterShare ?? 0.6)) {
      const letter = Math.floor(random() * templateCount);
      const text = pick(random, EDITS)(letters[letter]!, random);
      yield { text, section: null, letter, topic: letter % TOPICS.length };
    } else {
      const topic = Math.floor(random() * TOPICS.length);
      const section = random() < 0.3 ? `第${Math.floor(random() * 30) + 1}条` : null;
      yield { text: distinctText(random, TOPICS[topic]!), section, letter: -1, topic };
    }
  }
}
