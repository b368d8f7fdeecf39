/**
 * Readable cluster labels (issue 16). The keyword phrases of a cluster are runs of character bigrams,
 * which can start or end in the middle of a word (「住户、一楼住户不、电梯」). Here each phrase is cut into
 * words by `Intl.Segmenter('zh', { granularity: 'word' })` (ICU's dictionary segmenter, in Node itself,
 * no package): a function character or the half of a cut stop-word (建|议 → 议) at either end is dropped,
 * as is what is left of one character, and a phrase made only of words that say
 * nothing about the subject ("时间", "问题", "满意" …) is dropped whole, as is one inside another. Only the
 * clusters' leaders are labelled, so the segmenter runs a few times per cluster, never per opinion.
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

/** Characters that end or start a phrase only by accident (a particle, a negation, a conjunction). */
const FUNCTION_CHARACTERS = new Set([...'的了吗呢吧啊呀们不和与及或在是也都就把被对从向为以而且但']);

const isStopWord = (word: string): boolean => STOP_WORDS.has(word) || FUNCTION_CHARACTERS.has(word);
/**
 * What is left at a phrase's edge when a bigram run cut a stop-word (建|议取消 → 议, 希|望 → 望): the
 * second characters of two-character stop-words may not start a phrase, their first ones may not end it.
 */
const twoCharacterStopWords = [...STOP_WORDS].filter((word) => [...word].length === 2 && /\p{Script=Han}/u.test(word));
const CUT_STARTS = new Set([...FUNCTION_CHARACTERS, ...twoCharacterStopWords.map((word) => word[1]!)]);
const CUT_ENDS = new Set([...FUNCTION_CHARACTERS, ...twoCharacterStopWords.map((word) => word[0]!)]);

/**
 * A phrase without the function characters at either end (一楼住户不 → 一楼住户), or '' when it is made of
 * stop-words only (时间, 满意、效果). ICU cuts finely (图书|馆, 加|装|电梯), so single characters inside stay.
 */
function snapped(phrase: string): string {
  const words = [...segmenter.segment(phrase)].filter((w) => w.isWordLike).map((w) => w.segment);
  if (words.every(isStopWord)) return '';
  let from = 0;
  let to = words.length;
  while (from < to && CUT_STARTS.has(words[from]!)) from += 1;
  while (to > from && CUT_ENDS.has(words[to - 1]!)) to -= 1;
  const spaced = words.some((w) => /^[\p{Script=Latin}\d]/u.test(w));
  const kept = words.slice(from, to).join(spaced ? ' ' : '');
  return [...kept].length < 2 ? '' : kept;
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
  return labelOfWholeWords(wholeWordPhrases(phrases), text);
}

/** `readableLabel` of phrases already cut by `wholeWordPhrases` (so a leader is segmented once). */
export function labelOfWholeWords(wholeWords: readonly string[], text: string): string {
  const words = wholeWords.slice(0, 3);
  if (words.length > 0) return words.join(words.every((p) => /^[\u0020-\u007e]*$/.test(p)) ? ', ' : '、');
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : flat;
}
