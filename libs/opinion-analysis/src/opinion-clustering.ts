import { NearDuplicateIndex } from './near-duplicates';
import { describeText, KEYWORDS_PER_GROUP, labelOf, TermStatistics } from './opinion-keywords';
import { fmix32, imul, scanText } from './opinion-text';
import { U32Map } from './typed-tables';

/**
 * Clustering of a consultation's opinions (SPEC.md §3.4), in two streaming passes over the opinions in
 * one fixed order; pure and deterministic (same input order → same clusters):
 *
 * 1. `add(text)` for every opinion: near-duplicate groups (exact copies, form letters with small edits:
 *    see NearDuplicateIndex) and the document frequencies of terms (see TermStatistics).
 * 2. `describe(i, text, section)` for each opinion with `needsDescription(i)` (the first of each group):
 *    the group's keywords by TF-IDF and its section reference.
 * 3. `finish()`: topical grouping. Groups are taken largest first; a group joins the cluster of an
 *    earlier (larger) group that leads a cluster when their top-12 keywords share at least 2 different
 *    words or phrases (the bigrams of one phrase count once: 停车收费 is one, not three), or when they cite
 *    the same section and share at least 1; the best score wins, then the earlier leader. Otherwise it
 *    leads a new cluster. Comparing with leaders only, never with members, keeps clusters from chaining
 *    into one; a leader is found through its keywords (the first, largest, leader per keyword).
 *    A cluster is labelled with its leader's top keyword phrases (or its first 30 characters).
 *
 * Memory: pass 1 holds the near-duplicate index (typed arrays); it is dropped after pass 1, and what
 * remains is a few arrays per opinion (4 bytes) and per group (~50 bytes plus its phrases).
 */

/** Shared keyword runs (words, phrases) that join a group to a leader; with the same section, fewer. */
const SHARED_KEYWORDS_TO_JOIN = 2;
const SHARED_KEYWORDS_WITH_SECTION = 1;

export interface OpinionCluster {
  size: number;
  /** Index of the opinion that stands for the cluster: the first of its largest near-duplicate group. */
  representative: number;
  /** Keyword phrases of the representative, most salient first (possibly empty). */
  keywords: string[];
  label: string;
  /** How many near-duplicate groups it joins. */
  groups: number;
}

export interface Clustering {
  /** Largest first, then by representative index. */
  clusters: OpinionCluster[];
  /** Position in `clusters` of the cluster of opinion `index`. */
  clusterOf(index: number): number;
  nearDuplicateGroups: number;
}

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

  /** @param threshold estimated Jaccard similarity from which two opinions are the same letter. */
  constructor(threshold = 0.6) {
    this.index = new NearDuplicateIndex(threshold);
  }

  /** Pass 1: adds the next opinion and returns its index. */
  add(text: string): number {
    if (!this.index) throw new Error('OpinionClusterer.add after pass 1 ended');
    const scan = scanText(text, true);
    const i = this.index.addScanned(scan);
    this.statistics.count(scan);
    this.count += 1;
    return i;
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
    this.groupSize = new Int32Array(groups);
    for (let i = 0; i < this.count; i += 1) this.groupSize[this.groupOf[i]!] = this.groupSize[this.groupOf[i]!]! + 1;
    this.keywords = new Uint32Array(groups * KEYWORDS_PER_GROUP);
    this.runs = new Uint8Array(groups * KEYWORDS_PER_GROUP);
    this.sections = new Uint32Array(groups);
    this.phrases = new Array<string[]>(groups);
    this.snippets = new Array<string>(groups);
    this.index = undefined;
    return groups;
  }

  /** Whether pass 2 needs the text of opinion `index` (the first opinion of its group). */
  needsDescription(index: number): boolean {
    this.endNearDuplicates();
    return this.groupFirst[this.groupOf[index]!] === index;
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
    const order = Array.from({ length: groups }, (_, g) => g).sort(
      (a, b) => this.groupSize[b]! - this.groupSize[a]! || a - b,
    );
    const topicOf = new Int32Array(groups);
    const leaders: number[] = [];
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
      for (let k = 0; k < KEYWORDS_PER_GROUP; k += 1) {
        const term = this.keywords[group * KEYWORDS_PER_GROUP + k]!;
        if (term !== 0 && leaderOfTerm.get(term) === -1) leaderOfTerm.set(term, group);
      }
      if (this.sections[group] !== 0 && leaderOfSection.get(this.sections[group]!) === -1)
        leaderOfSection.set(this.sections[group]!, group);
    }
    return this.clusteringOf(topicOf, leaders);
  }

  private bestLeader(group: number, byTerm: U32Map, bySection: U32Map, topicOf: Int32Array): number {
    const candidates = new Set<number>();
    for (let k = 0; k < KEYWORDS_PER_GROUP; k += 1) {
      const term = this.keywords[group * KEYWORDS_PER_GROUP + k]!;
      if (term !== 0 && byTerm.get(term) !== -1) candidates.add(byTerm.get(term));
    }
    if (this.sections[group] !== 0 && bySection.get(this.sections[group]!) !== -1)
      candidates.add(bySection.get(this.sections[group]!));
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

  private clusteringOf(topicOf: Int32Array, leaders: number[]): Clustering {
    const sizes = new Array<number>(leaders.length).fill(0);
    const groupCounts = new Array<number>(leaders.length).fill(0);
    for (let g = 0; g < topicOf.length; g += 1) {
      const topic = topicOf[g]!;
      sizes[topic] = sizes[topic]! + this.groupSize[g]!;
      groupCounts[topic] = groupCounts[topic]! + 1;
    }
    const clusters = leaders.map((leader, topic) => ({
      topic,
      size: sizes[topic]!,
      representative: this.groupFirst[leader]!,
      keywords: this.phrases[leader] ?? [],
      label:
        (this.phrases[leader]?.length ?? 0) > 0 ? labelOf(this.phrases[leader]!, '') : (this.snippets[leader] ?? ''),
      groups: groupCounts[topic]!,
    }));
    clusters.sort((a, b) => b.size - a.size || a.representative - b.representative);
    const rankOfTopic = new Int32Array(leaders.length);
    clusters.forEach((cluster, rank) => (rankOfTopic[cluster.topic] = rank));
    const { groupOf } = this;
    return {
      clusters: clusters.map(({ topic: _topic, ...cluster }) => cluster),
      clusterOf: (index) => rankOfTopic[topicOf[groupOf[index]!]!]!,
      nearDuplicateGroups: topicOf.length,
    };
  }
}
