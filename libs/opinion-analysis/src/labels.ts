/**
 * Readable cluster labels (issue 16). The keyword phrases of a cluster are runs of character bigrams,
 * which can start or end in the middle of a word (「住户、一楼住户不、电梯」). Here each phrase is cut into
 * words by `Intl.Segmenter('zh', { granularity: 'word' })` (ICU's dictionary segmenter, in Node itself,
 * no package), and words that say nothing about the subject — stop-words ("时间", "问题", "满意" …), single
 * characters, the broken end of a word — are dropped from either end. Only the clusters' leaders are
 * labelled, so the segmenter runs a few times per cluster, never per opinion.
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

/** A phrase cut to whole words, without words that say nothing at either end; '' when none is left. */
function snapped(phrase: string): string {
  const words = [...segmenter.segment(phrase)];
  let from = 0;
  let to = words.length;
  while (from < to && !(words[from]!.isWordLike && isContentWord(words[from]!.segment))) from += 1;
  while (to > from && !(words[to - 1]!.isWordLike && isContentWord(words[to - 1]!.segment))) to -= 1;
  return words
    .slice(from, to)
    .map((w) => w.segment)
    .join('')
    .trim();
}

/**
 * Keyword phrases (as clustering read them: NFKC, lower case, simplified) cut to whole content words (see
 * the module comment), most salient first, without repeats; a phrase with no content word disappears.
 */
export function wholeWordPhrases(phrases: readonly string[]): string[] {
  const out: string[] = [];
  for (const phrase of phrases) {
    const words = snapped(phrase);
    if (words !== '' && !out.some((p) => p === words || p.includes(words))) out.push(words);
  }
  return out;
}

/** A label from the phrases: the top three whole-word phrases, else the start of the text (30 characters). */
export function readableLabel(phrases: readonly string[], text: string): string {
  const words = wholeWordPhrases(phrases).slice(0, 3);
  if (words.length > 0) return words.join(words.every((p) => /^[\u0020-\u007e]*$/.test(p)) ? ', ' : '、');
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : flat;
}
