import { floor, HAN_BIGRAM, log, max, min, scanText, type ScannedText } from './opinion-text';
import { ensureLength, U32Map } from './typed-tables';

/** Keyword hashes kept per near-duplicate group for topical grouping. */
export const KEYWORDS_PER_GROUP = 12;
const PHRASES_PER_GROUP = 5;

/** A Chinese bigram is a term only when at least this share of the texts with its rarer character have it. */
const MIN_COHESION = 0.3;

/** Scratch of `count`: the distinct terms of one text (open addressing, a power of two, generation stamps). */
let seenTerm = new Uint32Array(1024);
let seenStamp = new Int32Array(1024);
let seenGeneration = 0;

/**
 * Document frequencies of terms (character bigrams, words) and of single Chinese characters, over the
 * opinions; keys are 32-bit hashes, so memory grows with the vocabulary, not with the opinions.
 */
export class TermStatistics {
  private readonly df = new U32Map(4096);
  /** Document frequency of each BMP character, and the last document that counted it. */
  private readonly characterDf = new Int32Array(0x10000);
  private readonly characterSeen = new Int32Array(0x10000).fill(-1);
  documents = 0;

  /** Counts the terms and characters of a scan (with terms) as one document. */
  count(scan: ScannedText): void {
    const document = this.documents;
    this.documents += 1;
    for (let i = 0; i < scan.letterCount; i += 1) {
      const cp = scan.letters[i]!;
      if (cp < 0x10000 && this.characterSeen[cp] !== document) {
        this.characterSeen[cp] = document;
        this.characterDf[cp] = this.characterDf[cp]! + 1;
      }
    }
    // Each distinct term once (a set with generation stamps, no sort): df counts do not depend on order.
    let size = seenTerm.length;
    while (size < scan.termCount * 2) size *= 2;
    if (size !== seenTerm.length) {
      seenTerm = new Uint32Array(size);
      seenStamp = new Int32Array(size);
    }
    seenGeneration += 1;
    const mask = size - 1;
    for (let i = 0; i < scan.termCount; i += 1) {
      const term = scan.terms[i]!;
      let slot = term & mask;
      while (seenStamp[slot] === seenGeneration && seenTerm[slot] !== term) slot = (slot + 1) & mask;
      if (seenStamp[slot] === seenGeneration) continue;
      seenStamp[slot] = seenGeneration;
      seenTerm[slot] = term;
      this.df.add(term, 1);
    }
  }

  /**
   * The inverse document frequency ln(N/df) of term `i` of a scan when it can tell opinions apart, else 0.
   * It must occur in at least two opinions (else nothing shares it) and in at most half of them (else it
   * is the subject of the whole consultation, boilerplate, or a function word); a Chinese bigram must also
   * be cohesive — found in at least 30% of the opinions that contain its rarer character — which keeps
   * accidental pairs across word boundaries (反映|技能 → 映技) out while real words (培训, 养老) pass.
   */
  weight(scan: ScannedText, i: number): number {
    const df = this.df.get(scan.terms[i]!);
    if (df < 2 || df > max(2, floor(this.documents / 2))) return 0;
    if (scan.termKind[i] === HAN_BIGRAM) {
      const a = scan.codes[scan.termStart[i]!]!;
      const b = scan.codes[scan.termStart[i]! + 1]!;
      const rarer = min(a < 0x10000 ? this.characterDf[a]! : df, b < 0x10000 ? this.characterDf[b]! : df);
      if (df < MIN_COHESION * rarer) return 0;
    }
    return log(this.documents / df) + 1e-9;
  }

  get bytes(): number {
    return this.df.bytes + this.characterDf.byteLength + this.characterSeen.byteLength;
  }
}

export interface TextDescription {
  /** Up to 12 keyword term hashes, most salient first (0 = none); `keywords` and `runs` are scratch arrays. */
  keywords: Uint32Array;
  /**
   * For each keyword, the run of adjacent keywords it first occurs in (0, 1, …): the bigrams of one word
   * or phrase share a run, so sharing a phrase counts once however many bigrams it has.
   */
  runs: Uint8Array;
  /** Up to 5 keyword phrases as they read in the text (adjacent keywords joined), most salient first. */
  phrases: string[];
}

/** Scratch for one text: its distinct terms (open addressing with generation stamps) and occurrences. */
const doc = {
  slotTerm: new Uint32Array(1024),
  slotDistinct: new Int32Array(1024),
  slotStamp: new Int32Array(1024),
  generation: 0,
  term: new Uint32Array(256),
  tf: new Int32Array(256),
  first: new Int32Array(256),
  idf: new Float64Array(256),
  rank: new Int32Array(256),
  run: new Int32Array(256),
  occurrence: new Int32Array(256),
};

/** Fills `doc` with the distinct terms of `scan`; returns how many there are. */
function distinctTerms(scan: ScannedText, statistics: TermStatistics): number {
  let size = doc.slotTerm.length;
  if (size < scan.termCount * 2) {
    while (size < scan.termCount * 2) size *= 2;
    doc.slotTerm = new Uint32Array(size);
    doc.slotDistinct = new Int32Array(size);
    doc.slotStamp = new Int32Array(size);
  }
  const n = scan.termCount;
  doc.term = ensureLength(doc.term, n);
  doc.idf = ensureLength(doc.idf, n);
  doc.tf = ensureLength(doc.tf, n);
  doc.first = ensureLength(doc.first, n);
  doc.rank = ensureLength(doc.rank, n);
  doc.run = ensureLength(doc.run, n);
  doc.occurrence = ensureLength(doc.occurrence, n);
  doc.generation += 1;
  const mask = size - 1;
  let count = 0;
  for (let i = 0; i < scan.termCount; i += 1) {
    const term = scan.terms[i]!;
    let slot = term & mask;
    while (doc.slotStamp[slot] === doc.generation && doc.slotTerm[slot] !== term) slot = (slot + 1) & mask;
    let d: number;
    if (doc.slotStamp[slot] !== doc.generation) {
      doc.slotStamp[slot] = doc.generation;
      doc.slotTerm[slot] = term;
      d = count++;
      doc.slotDistinct[slot] = d;
      doc.term[d] = term;
      doc.tf[d] = 0;
      doc.first[d] = i;
      doc.idf[d] = statistics.weight(scan, i);
      doc.rank[d] = -1;
      doc.run[d] = -1;
    } else d = doc.slotDistinct[slot]!;
    doc.tf[d] = doc.tf[d]! + 1;
    doc.occurrence[i] = d;
  }
  return count;
}

/** What `describeText` returns its keywords and runs in: read (copy) them before the next call. */
const describedKeywords = new Uint32Array(KEYWORDS_PER_GROUP);
const describedRuns = new Uint8Array(KEYWORDS_PER_GROUP);

/**
 * The salient terms of one text by TF-IDF, and the phrases they form in it: overlapping bigrams
 * 停车+车收+收费 read as 停车收费, adjacent words as "parking fees". Ties go to the earlier term.
 */
export function describeText(text: string, statistics: TermStatistics): TextDescription {
  const scan = scanText(text, true);
  const distinct = distinctTerms(scan, statistics);
  const top: number[] = [];
  const better = (a: number, b: number): boolean =>
    doc.tf[a]! * doc.idf[a]! > doc.tf[b]! * doc.idf[b]! ||
    (doc.tf[a]! * doc.idf[a]! === doc.tf[b]! * doc.idf[b]! && doc.first[a]! < doc.first[b]!);
  for (let d = 0; d < distinct; d += 1) {
    if (doc.idf[d]! <= 0 || (top.length === KEYWORDS_PER_GROUP && !better(d, top[top.length - 1]!))) continue;
    let at = top.length === KEYWORDS_PER_GROUP ? top.length - 1 : top.length;
    while (at > 0 && better(d, top[at - 1]!)) {
      top[at] = top[at - 1]!;
      at -= 1;
    }
    top[at] = d;
  }
  top.forEach((d, rank) => (doc.rank[d] = rank));
  const keywords = describedKeywords.fill(0);
  top.forEach((d, rank) => (keywords[rank] = doc.term[d]!));
  return { keywords, runs: runsOf(scan, top), phrases: phrasesOf(scan) };
}

const chosen = (i: number): boolean => doc.rank[doc.occurrence[i]!]! >= 0;

function runsOf(scan: ScannedText, top: number[]): Uint8Array {
  let run = -1;
  let previous = -2;
  for (let i = 0; i < scan.termCount; i += 1) {
    if (!chosen(i)) continue;
    if (previous !== i - 1 || scan.termJoined[i] !== 1) run += 1;
    previous = i;
    const d = doc.occurrence[i]!;
    if (doc.run[d] === -1) doc.run[d] = run;
  }
  const runs = describedRuns.fill(0);
  top.forEach((d, rank) => (runs[rank] = Math.min(255, doc.run[d]!)));
  return runs;
}

/**
 * Runs of adjacent keywords read as phrases. An end of a run is dropped while it is less than half as
 * common as its neighbour (idf higher by ln 2): an accidental pair across a word boundary (府|养老金)
 * rarely survives that, a word's own bigrams do.
 */
function phrasesOf(scan: ScannedText): string[] {
  const phrases: Array<{ text: string; weight: number; first: number }> = [];
  const idf = (i: number): number => doc.idf[doc.occurrence[i]!]!;
  let i = 0;
  while (i < scan.termCount) {
    if (!chosen(i)) {
      i += 1;
      continue;
    }
    let end = i;
    while (end + 1 < scan.termCount && scan.termJoined[end + 1] === 1 && chosen(end + 1)) end += 1;
    const next = end + 1;
    let from = i;
    while (from < end && idf(from) - idf(from + 1) > Math.LN2) from += 1;
    while (end > from && idf(end) - idf(end - 1) > Math.LN2) end -= 1;
    let weight = 0;
    for (let t = from; t <= end; t += 1) weight = max(weight, doc.tf[doc.occurrence[t]!]! * idf(t));
    const text = String.fromCodePoint(
      ...scan.codes.subarray(scan.termStart[from], scan.termStart[end]! + scan.termLength[end]!),
    );
    if (!phrases.some((p) => p.text === text)) phrases.push({ text, weight, first: from });
    i = next;
  }
  return phrases
    .sort((a, b) => b.weight - a.weight || a.first - b.first)
    .slice(0, PHRASES_PER_GROUP)
    .map((p) => p.text);
}

/** A cluster's label: its top three phrases, or the start of its representative text. */
export function labelOf(phrases: readonly string[], representativeText: string): string {
  if (phrases.length > 0) {
    const top = phrases.slice(0, 3);
    return top.join(top.every((p) => /^[\u0020-\u007e]*$/.test(p)) ? ', ' : '、');
  }
  const flat = representativeText.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : flat;
}
