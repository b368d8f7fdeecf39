import { U32Map } from './typed-tables';
import { labelOfWholeWords, wholeWordPhrases } from './labels';
import { NearDuplicateIndex } from './near-duplicates';
import { describeText, KEYWORDS_PER_GROUP, labelOf, TermStatistics } from './opinion-keywords';
import { fmix32, imul, scanText, textOf, type ScannedText } from './opinion-text';
import { foldPersonalDetails } from './personal-details';
import { isPlaceholderLetters } from './placeholders';
import { mayExpressStance, stanceOf, stanceSignature, type Stance, STANCES } from './stance';

/**
 * Clustering of a consultation's opinions (SPEC.md §3.4), in two streaming passes over the opinions in
 * one fixed order; pure and deterministic (same input order → same clusters):
 *
 * 1. `add(text)` for every opinion (its public copy): personal details folded (personal-details.ts),
 *    placeholders set aside (placeholders.ts), the stance read (stance.ts), then near-duplicate groups
 *    (exact copies, form letters with small edits, never across stances: see NearDuplicateIndex) and the
 *    document frequencies of terms (see TermStatistics).
 * 2. `describe(i, text, section)` for each opinion with `needsDescription(i)` (the first of each group):
 *    the group's keywords by TF-IDF and its section reference.
 * 3. `finish()`: topical grouping. Groups are taken largest first; a group joins the cluster of an
 *    earlier (larger) group that leads a cluster when their top-12 keywords share at least 2 different
 *    words or phrases (the bigrams of one phrase count once: 停车收费 is one, not three), or when they cite
 *    the same section and share at least 1; the best score wins, then the earlier leader. Otherwise it
 *    leads a new cluster. Comparing with leaders only, never with members, keeps clusters from chaining
 *    into one; a leader is found through its keywords (the first, largest, leader per keyword and stance).
 *    Stances never mix (ADR 59): a group joins only a leader of the same stance (support, oppose, mixed,
 *    none), so a campaign sent with both stances, or with and without one, makes two clusters.
 *    A cluster is labelled with its leader's top keyword phrases cut to whole words (labels.ts), or its
 *    first 30 characters. Placeholders form one cluster of kind `placeholder`, whatever their number.
 *
 * Memory: pass 1 holds the near-duplicate index (typed arrays); it is dropped after pass 1, and what
 * remains is a few arrays per opinion (4 bytes) and per group (~50 bytes plus its phrases).
 */

/** Shared keyword runs (words, phrases) that join a group to a leader; with the same section, fewer. */
const SHARED_KEYWORDS_TO_JOIN = 2;
const SHARED_KEYWORDS_WITH_SECTION = 1;

export type ClusterKind = 'opinions' | 'placeholder';

export interface OpinionCluster {
  kind: ClusterKind;
  size: number;
  /** Index of the opinion that stands for the cluster: the first of its largest near-duplicate group. */
  representative: number;
  /** Keyword phrases of the representative, most salient first (possibly empty). */
  keywords: string[];
  label: string;
  /** The position its opinions take (none for placeholders). */
  stance: Stance;
  /** How many near-duplicate groups it joins. */
  groups: number;
}

/** The label of the placeholder category (staff see it; it is never concentrated). */
export const PLACEHOLDER_LABEL = '无具体内容（见附件、同上、无等）';
const NONE = STANCES.indexOf('none');

/** Whether the scanned text is a placeholder (few letters only, so the string is built rarely). */
function isPlaceholderScan(scan: ScannedText): boolean {
  if (scan.letterCount > 60) return false;
  return isPlaceholderLetters(String.fromCodePoint(...scan.letters.subarray(0, scan.letterCount)));
}

export interface Clustering {
  /** Largest first, then by representative index. */
  clusters: OpinionCluster[];
  /** Position in `clusters` of the cluster of opinion `index`. */
  clusterOf(index: number): number;
  nearDuplicateGroups: number;
}

/** Texts whose stance signature is kept (then all are dropped at once): the popular ones come back. */
const STANCE_CACHE = 4096;

/** Scratch of `bestLeader`. */
const candidates: number[] = [];

/** A keyword or section hash as a key of the leaders of one stance. */
const keyed = (hash: number, stance: number): number =>
  stance === NONE ? hash : fmix32(hash ^ imul(stance, 0x9e3779b1)) || 1;

function sectionKey(section: string | null): number {
  const normalized = (section ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  if (normalized === '') return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < normalized.length; i += 1) h = imul(h ^ normalized.charCodeAt(i), 0x01000193);
  return fmix32(h) || 1;
}

export class OpinionClusterer {
  private index: NearDuplicateIndex | undefined;
  private readonly statistics = new TermStatistics();
  private count = 0;
  private groupOf = new Int32Array(0);
  private groupSize = new Int32Array(0);
  private groupFirst = new Int32Array(0);
  private keywords = new Uint32Array(0);
  private runs = new Uint8Array(0);
  private sections = new Uint32Array(0);
  private phrases: string[][] = [];
  private snippets: string[] = [];
  private placeholder = new Uint8Array(1024);
  /** Per group: 1 when it is a placeholder; its stance (index into STANCES). */
  private groupPlaceholder = new Uint8Array(0);
  private groupStance = new Uint8Array(0);
  private readonly stanceCache = new Map<string, number>();

  /** @param threshold estimated Jaccard similarity from which two opinions are the same letter. */
  constructor(threshold = 0.6) {
    this.index = new NearDuplicateIndex(threshold);
  }

  /** Pass 1: adds the next opinion and returns its index. */
  add(text: string): number {
    if (!this.index) throw new Error('OpinionClusterer.add after pass 1 ended');
    const folded = foldPersonalDetails(text);
    const scan = scanText(folded, true);
    this.count += 1;
    if (this.placeholder.length < this.count) {
      const grown = new Uint8Array(this.count * 2);
      grown.set(this.placeholder);
      this.placeholder = grown;
    }
    if (isPlaceholderScan(scan)) {
      const i = this.index.addAlone();
      this.placeholder[i] = 1;
      return i;
    }
    const i = this.index.addScanned(scan, this.stanceOf(folded, scan));
    this.statistics.count(scan);
    return i;
  }

  /**
   * The stance signature of a folded text (ADR 115): the same text again (a form letter sent as it is)
   * is read from a bounded cache; a text without a stance word's first two characters or Latin letters
   * is 0 without the regular expressions.
   */
  private stanceOf(folded: string, scan: ScannedText): number {
    const cached = this.stanceCache.get(folded);
    if (cached !== undefined) return cached;
    const signature = mayExpressStance(scan.codes, scan.codeCount) ? stanceSignature(textOf(scan)) : 0;
    if (this.stanceCache.size >= STANCE_CACHE) this.stanceCache.clear();
    this.stanceCache.set(folded, signature);
    return signature;
  }

  /** Ends pass 1: fixes the near-duplicate groups and frees the index. Returns the number of groups. */
  endNearDuplicates(): number {
    const index = this.index;
    if (!index) return this.groupSize.length;
    this.groupOf = new Int32Array(this.count);
    const firsts: number[] = [];
    for (let i = 0; i < this.count; i += 1) {
      const root = index.find(i);
      if (root === i) {
        this.groupOf[i] = firsts.length;
        firsts.push(i);
      } else this.groupOf[i] = this.groupOf[root]!;
    }
    const groups = firsts.length;
    this.groupFirst = Int32Array.from(firsts);
    this.groupPlaceholder = Uint8Array.from(firsts, (first) => this.placeholder[first]!);
    this.groupStance = Uint8Array.from(firsts, (first) => STANCES.indexOf(stanceOf(index.groupStance(first))));
    this.groupSize = new Int32Array(groups);
    for (let i = 0; i < this.count; i += 1) this.groupSize[this.groupOf[i]!] = this.groupSize[this.groupOf[i]!]! + 1;
    this.keywords = new Uint32Array(groups * KEYWORDS_PER_GROUP);
    this.runs = new Uint8Array(groups * KEYWORDS_PER_GROUP);
    this.sections = new Uint32Array(groups);
    this.phrases = new Array<string[]>(groups);
    this.snippets = new Array<string>(groups);
    this.index = undefined;
    this.stanceCache.clear();
    return groups;
  }

  /** Whether pass 2 needs the text of opinion `index` (the first opinion of its group). */
  needsDescription(index: number): boolean {
    this.endNearDuplicates();
    const group = this.groupOf[index]!;
    return this.groupFirst[group] === index && this.groupPlaceholder[group] === 0;
  }

  /** Pass 2: keywords and section of the group that opinion `index` is the first of. */
  describe(index: number, text: string, section: string | null): void {
    if (!this.needsDescription(index)) return;
    const group = this.groupOf[index]!;
    const description = describeText(text, this.statistics);
    this.keywords.set(description.keywords, group * KEYWORDS_PER_GROUP);
    this.runs.set(description.runs, group * KEYWORDS_PER_GROUP);
    this.sections[group] = sectionKey(section);
    this.phrases[group] = description.phrases;
    if (description.phrases.length === 0) this.snippets[group] = labelOf([], text);
  }

  /** Topical grouping of the described groups into clusters (see the module comment). */
  finish(): Clustering {
    const groups = this.endNearDuplicates();
    const order = Array.from({ length: groups }, (_, g) => g)
      .filter((g) => this.groupPlaceholder[g] === 0)
      .sort((a, b) => this.groupSize[b]! - this.groupSize[a]! || a - b);
    const topicOf = new Int32Array(groups).fill(-1);
    const leaders: number[] = [];
    const topicStance: number[] = [];
    const leaderOfTerm = new U32Map();
    const leaderOfSection = new U32Map();
    for (const group of order) {
      const leader = this.bestLeader(group, leaderOfTerm, leaderOfSection, topicOf);
      if (leader !== -1) {
        topicOf[group] = topicOf[leader]!;
        continue;
      }
      topicOf[group] = leaders.length;
      leaders.push(group);
      topicStance.push(this.groupStance[group]!);
      const stance = this.groupStance[group]!;
      for (let k = 0; k < KEYWORDS_PER_GROUP; k += 1) {
        const term = this.keywords[group * KEYWORDS_PER_GROUP + k]!;
        if (term !== 0 && leaderOfTerm.get(keyed(term, stance)) === -1) leaderOfTerm.set(keyed(term, stance), group);
      }
      const section = this.sections[group]!;
      if (section !== 0 && leaderOfSection.get(keyed(section, stance)) === -1)
        leaderOfSection.set(keyed(section, stance), group);
    }
    return this.clusteringOf(topicOf, leaders, topicStance);
  }

  private bestLeader(group: number, byTerm: U32Map, bySection: U32Map, topicOf: Int32Array): number {
    // Distinct candidates in the order found (at most 13: an array, no Set per group).
    candidates.length = 0;
    const stance = this.groupStance[group]!;
    for (let k = 0; k < KEYWORDS_PER_GROUP; k += 1) {
      const term = this.keywords[group * KEYWORDS_PER_GROUP + k]!;
      if (term === 0) continue;
      const leader = byTerm.get(keyed(term, stance));
      if (leader !== -1 && !candidates.includes(leader)) candidates.push(leader);
    }
    const section = this.sections[group]!;
    const bySectionLeader = section === 0 ? -1 : bySection.get(keyed(section, stance));
    if (bySectionLeader !== -1 && !candidates.includes(bySectionLeader)) candidates.push(bySectionLeader);
    let best = -1;
    let bestScore = 0;
    for (const leader of candidates) {
      const shared = this.sharedKeywords(group, leader);
      const sameSection = this.sections[group] !== 0 && this.sections[group] === this.sections[leader];
      const joins = shared >= SHARED_KEYWORDS_TO_JOIN || (sameSection && shared >= SHARED_KEYWORDS_WITH_SECTION);
      const score = shared + (sameSection ? 1 : 0);
      if (joins && (best === -1 || score > bestScore || (score === bestScore && topicOf[leader]! < topicOf[best]!))) {
        best = leader;
        bestScore = score;
      }
    }
    return best;
  }

  /** How many keyword runs (words, phrases) of group `a` have a keyword that group `b` has too. */
  private sharedKeywords(a: number, b: number): number {
    let shared = 0;
    let counted = 0;
    for (let i = 0; i < KEYWORDS_PER_GROUP; i += 1) {
      const term = this.keywords[a * KEYWORDS_PER_GROUP + i]!;
      if (term === 0) break;
      const run = this.runs[a * KEYWORDS_PER_GROUP + i]!;
      if (run < 32 && (counted & (1 << run)) !== 0) continue;
      for (let j = 0; j < KEYWORDS_PER_GROUP; j += 1) {
        if (this.keywords[b * KEYWORDS_PER_GROUP + j] !== term) continue;
        shared += 1;
        if (run < 32) counted |= 1 << run;
        break;
      }
    }
    return shared;
  }

  private clusteringOf(topicOf: Int32Array, leaders: number[], topicStance: number[]): Clustering {
    // The placeholder category, when there is one, is the topic after the leaders'.
    const placeholderTopic = leaders.length;
    let firstPlaceholder = -1;
    for (let g = 0; g < topicOf.length; g += 1) {
      if (this.groupPlaceholder[g] !== 1) continue;
      topicOf[g] = placeholderTopic;
      if (firstPlaceholder === -1) firstPlaceholder = g;
    }
    const sizes = new Array<number>(leaders.length + 1).fill(0);
    const groupCounts = new Array<number>(leaders.length + 1).fill(0);
    for (let g = 0; g < topicOf.length; g += 1) {
      const topic = topicOf[g]!;
      sizes[topic] = sizes[topic]! + this.groupSize[g]!;
      groupCounts[topic] = groupCounts[topic]! + 1;
    }
    const clusters: Array<OpinionCluster & { topic: number }> = leaders.map((leader, topic) => {
      const phrases = this.phrases[leader] ?? [];
      const words = wholeWordPhrases(phrases);
      return {
        topic,
        kind: 'opinions',
        size: sizes[topic]!,
        representative: this.groupFirst[leader]!,
        keywords: words.length > 0 ? words : phrases,
        label:
          labelOfWholeWords(words, '') || (phrases.length > 0 ? labelOf(phrases, '') : (this.snippets[leader] ?? '')),
        stance: STANCES[topicStance[topic]!]!,
        groups: groupCounts[topic]!,
      };
    });
    if (firstPlaceholder !== -1)
      clusters.push({
        topic: placeholderTopic,
        kind: 'placeholder',
        size: sizes[placeholderTopic]!,
        representative: this.groupFirst[firstPlaceholder]!,
        keywords: [],
        label: PLACEHOLDER_LABEL,
        stance: 'none',
        groups: groupCounts[placeholderTopic]!,
      });
    clusters.sort((a, b) => b.size - a.size || a.representative - b.representative);
    const rankOfTopic = new Int32Array(leaders.length + 1);
    clusters.forEach((cluster, rank) => (rankOfTopic[cluster.topic] = rank));
    const { groupOf } = this;
    return {
      clusters: clusters.map(({ topic: _topic, ...cluster }) => cluster),
      clusterOf: (index) => rankOfTopic[topicOf[groupOf[index]!]!]!,
      nearDuplicateGroups: topicOf.length,
    };
  }
}
