/**
 * Stance expressions (issue 16): two texts that differ in one are never the same letter, whatever their
 * similarity ("我反对…" and the same letter with 支持). Three families, each read with its negation
 * (不同意, 并不支持, 不反对, do not support, don't oppose):
 * - POSITION: 支持 (支援 in Taiwan's usage) 赞成 赞同 拥护 认可 认同 同意, support favour agree approve endorse (+) against
 *   反对 抵制 抗议, oppose object disagree reject (−);
 * - KEEP: after a request in the same clause (建议 要求 应当 希望 主张 呼吁 恳请 请 …) 保留 维持 恢复 (+) against
 *   取消 废除 废止 撤销 撤回 停止 暂停 叫停 (−);
 * - DIRECTION: 提高 增加 扩大 延长 放宽 上调 加大 …, increase raise added rose (+) against 降低 减少
 *   缩小 缩短 收紧 下调 削减 …, decrease lower reduce cut dipped fell (−).
 * A text's signature keeps, per family, the sequence of polarities in text order (up to 7). Two texts are
 * compatible when their POSITION and KEEP sequences are equal and, in DIRECTION (words common in any
 * text: 提高, 增加 …), one sequence starts the other, so a copy cut short stays with its letter. A flipped
 * copy never joins, nor does "支持A、反对B" with "反对A、支持B", nor "我反对…" with the letter without it.
 *
 * The stance recorded on a cluster reads POSITION, else KEEP: support, oppose, mixed, or none. DIRECTION
 * only keeps opposite requests apart (raise the fee / lower the fee); staff correct the recorded stance.
 */

export type Stance = 'support' | 'oppose' | 'mixed' | 'none';
export const STANCES: readonly Stance[] = ['support', 'oppose', 'mixed', 'none'];

const POSITION = 0;
const KEEP = 1;
const DIRECTION = 2;
const FAMILIES = 3;
const MAX_PER_FAMILY = 7;

const NEGATION = '(并不|并非|绝不|决不|毫不|从不|不太|不再|不能|不会|不要|不应|不该|无法|难以|拒绝|没有|没|别|不)?';
const DEGREE = '(?:完全|十分|非常|很|太|再|都|也|坚决|强烈|继续|尽快|立即|全面|予以|适当|大幅|进一步)*';
const REQUEST = '(?:建议|要求|应该|应当|希望|主张|呼吁|恳请|请求|坚持|务必|应|请|要)';
const ZH_POSITION_PLUS = '支持|支援|赞成|赞同|拥护|认可|认同|同意(?!见)';
const ZH_POSITION_MINUS = '反对|抵制|抗议';
const ZH_KEEP_PLUS = '保留|维持|恢复|继续实行|继续执行';
const ZH_KEEP_MINUS = '取消|废除|废止|撤销|撤回|停止|暂停|叫停';
const ZH_UP = '提高|增加|扩大|延长|放宽|上调|加大|增设|增多|上涨|涨价|提升';
const ZH_DOWN = '降低|减少|缩小|缩短|收紧|下调|减小|削减|下降|降价|压缩';
const EN_NEGATION = "((?:\\bnot|\\bnever|\\bno longer|n't)\\s+(?:\\w+ly\\s+)?)?";
const EN_POSITION_PLUS =
  'support|supports|supported|supporting|favou?r|favou?rs|agree|agrees|approve|approves|endorse|endorses';
const EN_POSITION_MINUS = 'oppose|opposes|opposed|opposing|against|object|objects|disagree|disagrees|reject|rejects';
const EN_UP = 'increase|increases|increased|raise|raises|raised|rise|rises|rose|added|gained|higher';
const EN_DOWN =
  'decrease|decreases|decreased|lower|lowers|lowered|reduce|reduces|reduced|cut|cuts|dipped|fell|dropped|declined';

/**
 * One pass over the Chinese: an optional request (which KEEP needs), an optional negation, then one word
 * of any family. Groups: 1 request, 2 negation, then + and − of POSITION, KEEP, DIRECTION.
 */
const CHINESE = new RegExp(
  `(?:(${REQUEST})[^，。；！？,.;!?\\n]{0,8}?)?${NEGATION}${DEGREE}(?:(${ZH_POSITION_PLUS})|(${ZH_POSITION_MINUS})|(${ZH_KEEP_PLUS})|(${ZH_KEEP_MINUS})|(${ZH_UP})|(${ZH_DOWN}))`,
  'g',
);
/** English, where the text has Latin letters: 1 negation, then + and − of POSITION, DIRECTION. */
const ENGLISH = new RegExp(
  `${EN_NEGATION}\\b(?:(${EN_POSITION_PLUS})|(${EN_POSITION_MINUS})|(${EN_UP})|(${EN_DOWN}))\\b`,
  'g',
);
const LATIN = /[a-z]{2}/;

/**
 * A signature packs, per family f, the count (3 bits at 3f) and the polarities (bit set = −, 7 bits at
 * 9 + 7f) of its expressions. 0 = no stance expression at all.
 */
export type StanceSignature = number;

const countOf = (signature: number, family: number): number => (signature >>> (3 * family)) & 7;
const bitsOf = (signature: number, family: number): number => (signature >>> (9 + 7 * family)) & 0x7f;

/**
 * The first two characters of every Chinese stance word, as (a << 16 | b) keys, and a flag per first
 * character: every match of CHINESE contains one of the words, so a text without any of these pairs
 * has no Chinese stance expression (ADR 115: most opinions skip the regular expression).
 */
const STANCE_PAIRS = new Set<number>();
const STARTS_STANCE_PAIR = new Uint8Array(0x10000);
for (const words of [ZH_POSITION_PLUS, ZH_POSITION_MINUS, ZH_KEEP_PLUS, ZH_KEEP_MINUS, ZH_UP, ZH_DOWN])
  for (const word of words.replace(/\(\?![^)]*\)/g, '').split('|')) {
    STANCE_PAIRS.add((word.charCodeAt(0) << 16) | word.charCodeAt(1));
    STARTS_STANCE_PAIR[word.charCodeAt(0)] = 1;
  }
const isLowerLatin = (c: number): boolean => c >= 0x61 && c <= 0x7a;

/**
 * Whether `stanceSignature` of the text made of `codes[0..count)` (code points) can be other than 0:
 * it holds two adjacent characters that start a Chinese stance word, or two adjacent Latin letters
 * (the test that lets the English expressions be read). When it says no, the signature is 0.
 */
export function mayExpressStance(codes: Uint32Array, count: number): boolean {
  for (let i = 0; i + 1 < count; i += 1) {
    const a = codes[i]!;
    if (a < 0x10000 && STARTS_STANCE_PAIR[a] === 1) {
      const b = codes[i + 1]!;
      if (b < 0x10000 && STANCE_PAIRS.has((a << 16) | b)) return true;
    } else if (isLowerLatin(a) && isLowerLatin(codes[i + 1]!)) return true;
  }
  return false;
}

/** The stance signature of a normalised text (lower case, simplified, full-width folded). */
export function stanceSignature(text: string): StanceSignature {
  const found: Array<{ at: number; family: number; minus: boolean }> = [];
  CHINESE.lastIndex = 0;
  for (let match = CHINESE.exec(text); match; match = CHINESE.exec(text)) {
    const word = match.findIndex((group, g) => g >= 3 && group !== undefined) - 3;
    const family = word >> 1;
    if (family === KEEP && match[1] === undefined) continue;
    found.push({ at: match.index, family, minus: ((word & 1) === 1) !== (match[2] !== undefined) });
  }
  if (LATIN.test(text)) {
    ENGLISH.lastIndex = 0;
    for (let match = ENGLISH.exec(text); match; match = ENGLISH.exec(text)) {
      const word = match.findIndex((group, g) => g >= 2 && group !== undefined) - 2;
      const family = word < 2 ? POSITION : DIRECTION;
      found.push({ at: match.index, family, minus: ((word & 1) === 1) !== (match[1] !== undefined) });
    }
    found.sort((a, b) => a.at - b.at);
  }
  let signature = 0;
  for (const { family, minus } of found) {
    const count = countOf(signature, family);
    if (count === MAX_PER_FAMILY) continue;
    if (minus) signature |= 1 << (9 + 7 * family + count);
    signature = (signature & ~(7 << (3 * family))) | ((count + 1) << (3 * family));
  }
  return signature >>> 0;
}

/**
 * Whether two signatures agree: the same POSITION and KEEP expressions (a text that says 反对 and one that
 * says nothing differ in a stance expression), and DIRECTION sequences of which one starts the other.
 */
export function compatibleStances(a: StanceSignature, b: StanceSignature): boolean {
  if (a === b) return true;
  for (let family = 0; family < FAMILIES; family += 1) {
    if (family !== DIRECTION && countOf(a, family) !== countOf(b, family)) return false;
    const shared = Math.min(countOf(a, family), countOf(b, family));
    const mask = (1 << shared) - 1;
    if ((bitsOf(a, family) & mask) !== (bitsOf(b, family) & mask)) return false;
  }
  return true;
}

/** The signature of a group that holds both (compatible) signatures: per family, the longer sequence. */
export function mergedStances(a: StanceSignature, b: StanceSignature): StanceSignature {
  let merged = 0;
  for (let family = 0; family < FAMILIES; family += 1) {
    const from = countOf(a, family) >= countOf(b, family) ? a : b;
    merged |= countOf(from, family) << (3 * family);
    merged |= bitsOf(from, family) << (9 + 7 * family);
  }
  return merged >>> 0;
}

function stanceOfFamily(signature: StanceSignature, family: number): Stance {
  const count = countOf(signature, family);
  if (count === 0) return 'none';
  const bits = bitsOf(signature, family) & ((1 << count) - 1);
  return bits === 0 ? 'support' : bits === (1 << count) - 1 ? 'oppose' : 'mixed';
}

/** The stance recorded on a cluster: POSITION's, else KEEP's (see the module comment). */
export function stanceOf(signature: StanceSignature): Stance {
  const position = stanceOfFamily(signature, POSITION);
  return position !== 'none' ? position : stanceOfFamily(signature, KEEP);
}

/** What keeps topics apart: the recorded stance and the direction of a request. */
export function topicStanceKey(signature: StanceSignature): number {
  const direction = stanceOfFamily(signature, DIRECTION);
  return STANCES.indexOf(stanceOf(signature)) * 4 + STANCES.indexOf(direction);
}

export function isStance(value: unknown): value is Stance {
  return typeof value === 'string' && (STANCES as readonly string[]).includes(value);
}
