import { toSimplified } from './simplified';

/**
 * Readable cluster labels (issue 16). The keyword phrases of a cluster are runs of character bigrams,
 * which can start or end in the middle of a word (「住户、一楼住户不、电梯」). Here each phrase is snapped to
 * whole words of the text it came from — words by `Intl.Segmenter('zh', { granularity: 'word' })` (ICU's
 * dictionary segmenter, in Node itself) — and words that say nothing about the subject (stop-words:
 * particles, "时间", "问题", "满意" …) and single characters are dropped from its ends and between.
 * Labels are shown to staff, and to the public only once staff confirmed them.
 */

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words found in opinions on any subject; a label made of them says nothing. */
const STOP_WORDS = new Set(
  (
    '建议 希望 应当 应该 认为 目前 问题 意见 可以 需要 进行 相关 没有 一些 这个 那个 因为 所以 如果 但是 已经 非常 ' +
    '还是 就是 大家 自己 现在 这样 要求 同时 另外 其他 以及 通过 对于 关于 由于 一个 不是 不能 能够 觉得 个人 本人 ' +
    '谢谢 领导 尊敬 政府 部门 时间 时候 情况 方面 工作 地方 我们 你们 他们 满意 效果 想象 东西 事情 表示 特别 ' +
    '尽快 加强 进一步 有关 方便 提出 存在 实际 一定 很多 许多 全部 所有 各种 以上 以下 之后 之前 the and for with'
  ).split(' '),
);

function isContentWord(word: string): boolean {
  if (STOP_WORDS.has(word)) return false;
  const chars = [...word];
  if (chars.length < 2) return false;
  return /[\p{L}]/u.test(word);
}

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const segment of segmenter.segment(text)) {
    if (!segment.isWordLike) continue;
    words.push({ text: segment.segment, start: segment.index, end: segment.index + segment.segment.length });
  }
  return words;
}

/** How clustering reads a text: NFKC, lower case, simplified. */
export function normalizedForLabels(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase());
}

/**
 * The phrases snapped to whole content words of `text` (see the module comment), most salient first,
 * without repeats; a phrase with no content word left disappears.
 */
export function wholeWordPhrases(text: string, phrases: readonly string[]): string[] {
  const normalized = normalizedForLabels(text);
  const words = wordsOf(normalized);
  const out: string[] = [];
  for (const phrase of phrases) {
    const at = normalized.indexOf(phrase);
    if (at < 0) continue;
    const end = at + phrase.length;
    const covered = words.filter((w) => w.end > at && w.start < end && isContentWord(w.text));
    if (covered.length === 0) continue;
    const spaced = covered.some((w) => /^[\p{Script=Latin}\d]/u.test(w.text));
    const snapped = covered.map((w) => w.text).join(spaced ? ' ' : '');
    if (!out.some((p) => p === snapped || p.includes(snapped))) out.push(snapped);
  }
  return out;
}

/** A label from snapped phrases: the top three, or the start of the text (30 characters). */
export function readableLabel(text: string, phrases: readonly string[]): string {
  const words = wholeWordPhrases(text, phrases).slice(0, 3);
  if (words.length > 0) return words.join(words.every((p) => /^[\u0020-\u007e]*$/.test(p)) ? ', ' : '、');
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : flat;
}
