import { simplifiedTable } from './simplified';
import { ensureLength } from './typed-tables';

/**
 * One scan of an opinion's text for clustering (SPEC.md §3.4): NFKC (full-width → half-width among
 * others) and lower case, traditional and variant characters to simplified (simplified.ts, ADR 58), then
 * - the letters and digits only (punctuation, spacing, width and case never make a letter new): the
 *   input of exact-duplicate hashing and of character shingles, which work without word boundaries;
 * - the terms, for keywords: Chinese character bigrams (no word segmentation needed) except those with a
 *   particle (的, 了, …) and a few words of any opinion (建议, 希望, …), and other words of two or more
 *   letters except a few English stop words; whether a term is salient is for TermStatistics to say.
 * Results go to module-level buffers that the next scan overwrites: read them before scanning again.
 */

/**
 * `Math` functions looked up once: inside a vm context (jest, Temporal's workflow sandbox) every
 * `Math.x` lookup goes through the context's global object and costs ~40× a direct call.
 */
export const { imul, min, max, floor, log, ceil } = Math;

const HAN = 3;
const WORD = 2;
const OTHER = 1;
/** Class of each BMP code point, filled lazily (0 = not yet known). */
const classes = new Uint8Array(0x10000);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/**
 * Per BMP code point: STOP (a particle: a bigram with it is never a keyword) and STARTS_STOP_BIGRAM (the
 * first character of a word in STOP_BIGRAMS, which is looked up only then).
 */
const FLAGS = new Uint8Array(0x10000);
const STOP = 1;
const STARTS_STOP_BIGRAM = 2;
for (const char of '的了吗呢吧啊呀们') FLAGS[char.charCodeAt(0)] = STOP;
/** Words found in opinions on any subject ("I suggest", "the problem is"), never keywords. */
const STOP_BIGRAM_WORDS =
  '建议 希望 应当 应该 认为 目前 问题 意见 可以 需要 进行 相关 没有 一些 这个 那个 因为 所以 如果 但是 已经 非常 还是 就是 大家 自己 现在 这样 要求 同时 另外 其他 以及 通过 对于 关于 由于 一个 不是 不能 能够 我认 觉得 个人 本人 谢谢 领导 尊敬 政府 部门'.split(
    ' ',
  );
const STOP_BIGRAMS = new Set(STOP_BIGRAM_WORDS.map((word) => bigramHash(word.charCodeAt(0), word.charCodeAt(1))));
for (const word of STOP_BIGRAM_WORDS) FLAGS[word.charCodeAt(0)] = FLAGS[word.charCodeAt(0)]! | STARTS_STOP_BIGRAM;
const STOP_WORDS = new Set(
  'an the and for are but not you all any can had her was one our out has have this that with from they will would there their what which about should into more been were also than them these those its it is of to in on at by be as or we us if so no do'.split(
    ' ',
  ),
);

function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x323af)
  );
}

function classOf(cp: number): number {
  if (cp < 0x10000) {
    let known = classes[cp]!;
    if (known === 0) {
      known = isHan(cp) ? HAN : LETTER_OR_DIGIT.test(String.fromCharCode(cp)) ? WORD : OTHER;
      classes[cp] = known;
    }
    return known;
  }
  return isHan(cp) ? HAN : LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? WORD : OTHER;
}

/** murmur3's 32-bit finaliser: a fast, well-mixed hash of a 32-bit integer. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface ScannedText {
  /** Every code point of the normalised text. */
  codes: Uint32Array;
  codeCount: number;
  /** Letters and digits only. */
  letters: Uint32Array;
  letterCount: number;
  /** Term hashes (never 0), in text order. */
  terms: Uint32Array;
  /** Where each term starts in `codes`, and how many code points it spans. */
  termStart: Uint32Array;
  termLength: Uint8Array;
  /** 1 when the term continues the previous one (overlapping bigram, or the next word after a space). */
  termJoined: Uint8Array;
  /** HAN_BIGRAM or WORD_TERM. */
  termKind: Uint8Array;
  termCount: number;
}

const scanned: ScannedText = {
  codes: new Uint32Array(1024),
  codeCount: 0,
  letters: new Uint32Array(1024),
  letterCount: 0,
  terms: new Uint32Array(1024),
  termStart: new Uint32Array(1024),
  termLength: new Uint8Array(1024),
  termJoined: new Uint8Array(1024),
  termKind: new Uint8Array(1024),
  termCount: 0,
};

export const HAN_BIGRAM = 1;
export const WORD_TERM = 2;

function pushTerm(hash: number, start: number, length: number, joined: boolean, kind: number): void {
  const i = scanned.termCount;
  if (i === scanned.terms.length) {
    scanned.terms = ensureLength(scanned.terms, i + 1);
    scanned.termStart = ensureLength(scanned.termStart, i + 1);
    scanned.termLength = ensureLength(scanned.termLength, i + 1);
    scanned.termJoined = ensureLength(scanned.termJoined, i + 1);
    scanned.termKind = ensureLength(scanned.termKind, i + 1);
  }
  scanned.terms[i] = hash === 0 ? 1 : hash;
  scanned.termStart[i] = start;
  scanned.termLength[i] = length < 255 ? length : 255;
  scanned.termJoined[i] = joined ? 1 : 0;
  scanned.termKind[i] = kind;
  scanned.termCount = i + 1;
}

/** Two BMP characters make one 32-bit key exactly; others are mixed in. */
function bigramHash(a: number, b: number): number {
  return (a | b) < 0x10000 ? fmix32((a << 16) | b) : fmix32(imul(a, 0x9e3779b1) ^ fmix32(b ^ 0x4a7c15));
}

function hanBigrams(codes: Uint32Array, from: number, to: number): void {
  let previous = -2;
  for (let i = from; i + 1 < to; i += 1) {
    const a = codes[i]!;
    const b = codes[i + 1]!;
    const flags = a < 0x10000 ? FLAGS[a]! : 0;
    if ((flags & STOP) !== 0 || (b < 0x10000 && (FLAGS[b]! & STOP) !== 0)) continue;
    const hash = bigramHash(a, b);
    if ((flags & STARTS_STOP_BIGRAM) !== 0 && STOP_BIGRAMS.has(hash)) continue;
    pushTerm(hash, i, 2, previous === i - 1, HAN_BIGRAM);
    previous = i;
  }
}

let lastWordEnd = -2;

function word(codes: Uint32Array, from: number, to: number): void {
  if (to - from < 2) return;
  let h = 0x811c9dc5;
  let digits = true;
  for (let i = from; i < to; i += 1) {
    const c = codes[i]!;
    if (c < 0x30 || c > 0x39) digits = false;
    h = imul(h ^ c, 0x01000193);
  }
  if (digits) return;
  if (to - from <= 5 && STOP_WORDS.has(String.fromCodePoint(...codes.subarray(from, to)))) return;
  pushTerm(fmix32(h ^ 0x5bd1e995), from, to - from, lastWordEnd === from - 1 && codes[from - 1] === 0x20, WORD_TERM);
  lastWordEnd = to;
}

/**
 * Per BMP code unit, what NFKC and lower case make of it when the text holds only such code units
 * (ADR 115): 0 not yet known, −1 unknown (the text takes `normalize`), else the code unit it becomes + 1.
 * A code unit qualifies when, alone, NFKC + lower case turn it into one code unit that is neither a
 * mark nor Hangul (nor is the unit itself) and that they leave as it is, and it is not Σ (whose lower
 * case depends on the next letter): then nothing composes across code units (compositions need a mark or
 * a jamo as their second part) and NFKC + lower case of the text is that of each unit in turn. Most
 * opinions (Han, ASCII, full-width punctuation) qualify and skip two whole-string passes.
 */
const QUICK = new Int32Array(0x10000);
const MARK = /^\p{M}$/u;

function isHangul(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x11ff) ||
    (c >= 0x3130 && c <= 0x318f) ||
    (c >= 0xa960 && c <= 0xa97f) ||
    (c >= 0xac00 && c <= 0xd7ff) ||
    (c >= 0xffa0 && c <= 0xffdc)
  );
}

/** Whether code unit `c` is left as it is by NFKC and lower case, and cannot compose with a neighbour. */
function isInert(c: number): boolean {
  if ((c >= 0xd800 && c <= 0xdfff) || isHangul(c) || c === 0x3a3) return false;
  const s = String.fromCharCode(c);
  return !MARK.test(s) && s.normalize('NFKC').toLowerCase() === s;
}

function quickEntry(c: number): number {
  if ((c >= 0xd800 && c <= 0xdfff) || isHangul(c) || MARK.test(String.fromCharCode(c))) return -1;
  const normalized = String.fromCharCode(c).normalize('NFKC');
  if (normalized === '\u03a3') return -1;
  const lower = normalized.toLowerCase();
  if (lower.length !== 1) return -1;
  const d = lower.charCodeAt(0);
  return isInert(d) ? d + 1 : -1;
}

/** NFKC + lower case of `text` when every code unit qualifies (see QUICK), else null (for tests). */
export function quickNormalized(text: string): string | null {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    let q = QUICK[c]!;
    if (q === 0) q = QUICK[c] = quickEntry(c);
    if (q === -1) return null;
    out += String.fromCharCode(q - 1);
  }
  return out;
}

let runStart = 0;
let runClass = OTHER;
let scanWithTerms = false;

function endRun(end: number): void {
  if (!scanWithTerms) return;
  if (runClass === HAN) hanBigrams(scanned.codes, runStart, end);
  else if (runClass === WORD) word(scanned.codes, runStart, end);
}

/**
 * Scans `source` into the buffers: `quick`, the text as received, mapped unit by unit through QUICK
 * (returns false, having scanned nothing usable, at the first unit that does not qualify); else the
 * text already normalised (NFKC, lower case).
 */
function scanFrom(source: string, quick: boolean): boolean {
  const simplified = simplifiedTable();
  let changed = false;
  let mapped = false;
  scanned.codes = ensureLength(scanned.codes, source.length);
  scanned.letters = ensureLength(scanned.letters, source.length);
  const { codes, letters } = scanned;
  let codeCount = 0;
  let letterCount = 0;
  runStart = 0;
  runClass = OTHER;
  scanned.termCount = 0;
  lastWordEnd = -2;
  for (let i = 0; i < source.length; i += 1) {
    let cp = source.charCodeAt(i);
    if (quick) {
      let q = QUICK[cp]!;
      if (q === 0) q = QUICK[cp] = quickEntry(cp);
      if (q === -1) return false;
      if (q - 1 !== cp) {
        cp = q - 1;
        mapped = true;
      }
    } else if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < source.length) {
      const low = source.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        i += 1;
      }
    }
    if (cp < 0x10000 && simplified[cp] !== 0) {
      cp = simplified[cp]!;
      changed = true;
    }
    const kind = classOf(cp);
    if (kind !== runClass) {
      endRun(codeCount);
      runStart = codeCount;
      runClass = kind;
    }
    codes[codeCount++] = cp;
    if (kind !== OTHER) letters[letterCount++] = cp;
  }
  endRun(codeCount);
  lastText = changed || mapped ? null : source;
  lastSource = mapped && !changed ? source : null;
  scanned.codeCount = codeCount;
  scanned.letterCount = letterCount;
  return true;
}

/** Scans `text` into the shared buffers (see the module comment) and returns them. */
export function scanText(text: string, withTerms: boolean): ScannedText {
  scanWithTerms = withTerms;
  if (!scanFrom(text, true)) scanFrom(text.normalize('NFKC').toLowerCase(), false);
  return scanned;
}

/** The text of term `i` of the last scan, as it appears in the normalised text. */
export function termText(scan: ScannedText, i: number): string {
  const start = scan.termStart[i]!;
  return String.fromCodePoint(...scan.codes.subarray(start, start + scan.termLength[i]!));
}

/** The normalised text of the last scan when simplification changed nothing (most texts), else null. */
let lastText: string | null = null;
/** The text of the last scan when only the quick path's NFKC + lower case changed it (normalised on demand). */
let lastSource: string | null = null;

/** The normalised text of the last scan (NFKC, lower case, simplified), e.g. for the stance. */
export function textOf(scan: ScannedText): string {
  if (lastText === null && lastSource !== null) lastText = lastSource.normalize('NFKC').toLowerCase();
  return lastText ?? String.fromCodePoint(...scan.codes.subarray(0, scan.codeCount));
}
