import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deidentify } from '../../domain/src';
import {
  greetingCorpus,
  LETTERS,
  placeholderCorpus,
  stanceCorpus,
  type CorpusOpinion,
} from './spec-support/analysis-corpus';
import { OpinionClusterer, type Clustering } from './opinion-clustering';

/**
 * Issue 16's acceptance figures on the corpora of spec-support/analysis-corpus.ts (fixed seeds). Each
 * opinion goes the way it goes in production: masked by `deidentify` with its record's contact on
 * receipt, then clustered from that public copy. FIGURES=1 prints the figures.
 */

function cluster(corpus: CorpusOpinion[]): Clustering {
  const texts = corpus.map((o) => deidentify(o.text, o.contact ?? {}).text);
  const clusterer = new OpinionClusterer();
  texts.forEach((text) => clusterer.add(text));
  clusterer.endNearDuplicates();
  texts.forEach((text, i) => {
    if (clusterer.needsDescription(i)) clusterer.describe(i, text, null);
  });
  return clusterer.finish();
}

function figure(name: string, value: number | string): void {
  if (process.env['FIGURES']) process.stdout.write(`${name}: ${value}\n`);
}

/** Share of the opinions of `kind` in the cluster of their letter's original (the first of that letter). */
function keptTogether(corpus: CorpusOpinion[], result: Clustering, kind: string, letters?: number[]): number {
  const original = new Map<number, number>();
  corpus.forEach((o, i) => {
    if (!original.has(o.letter)) original.set(o.letter, i);
  });
  const subject = corpus
    .map((o, i) => ({ o, i }))
    .filter(({ o }) => o.kind === kind && (!letters || letters.includes(o.letter)));
  const kept = subject.filter(({ o, i }) => result.clusterOf(i) === result.clusterOf(original.get(o.letter)!));
  return kept.length / subject.length;
}

const SHORT = LETTERS.map((text, letter) => ({ text, letter }))
  .filter(({ text }) => text.length <= 30)
  .map(({ letter }) => letter);

describe('opinion analysis that staff can answer honestly (issue 16)', () => {
  it('keeps ≥ 99% of the copies written in traditional characters with their letter', () => {
    const corpus = JSON.parse(
      readFileSync(join(__dirname, 'spec-support/traditional.json'), 'utf8'),
    ) as CorpusOpinion[];
    const share = keptTogether(corpus, cluster(corpus), 'traditional');
    figure('traditional copies kept together', share.toFixed(4));
    expect(share).toBeGreaterThanOrEqual(0.99);
  });

  it('keeps ≥ 95% of the form letters greeting with name, ID number and phone with their letter, short ones too', () => {
    const corpus = greetingCorpus(16, 40);
    const result = cluster(corpus);
    const all = keptTogether(corpus, result, 'greeting');
    const short = keptTogether(corpus, result, 'greeting', SHORT);
    figure('greeting copies kept together', all.toFixed(4));
    figure(`… of short letters (${SHORT.length} letters of ≤ 30 characters)`, short.toFixed(4));
    expect(all).toBeGreaterThanOrEqual(0.95);
    expect(short).toBeGreaterThanOrEqual(0.95);
  });

  it('never merges a stance-flipped copy with its letter, and records each side’s stance', () => {
    const corpus = stanceCorpus(16, 20);
    const result = cluster(corpus);
    const clustersOf = (letter: number, kind: string): Set<number> =>
      new Set(corpus.flatMap((o, i) => (o.letter === letter && o.kind === kind ? [result.clusterOf(i)] : [])));
    let merged = 0;
    LETTERS.forEach((_, letter) => {
      const flipped = clustersOf(letter, 'flipped');
      for (const k of clustersOf(letter, 'copy')) if (flipped.has(k)) merged += 1;
    });
    figure('stance-flipped copies merged', merged);
    expect(merged).toBe(0);
    const first = (letter: number, kind: string): number =>
      corpus.findIndex((o) => o.letter === letter && o.kind === kind);
    const stances = [0, 1, 2, 6].map((letter) =>
      [first(letter, 'copy'), first(letter, 'flipped')].map((i) => result.clusters[result.clusterOf(i)]!.stance),
    );
    expect(stances).toEqual([
      ['oppose', 'support'],
      ['support', 'oppose'],
      ['support', 'oppose'],
      ['oppose', 'support'],
    ]);
  });

  it('counts placeholders in a category of their own, never a cluster of opinions', () => {
    const corpus = placeholderCorpus(16, 300);
    const result = cluster(corpus);
    const placeholders = corpus.filter((o) => o.kind === 'placeholder').length;
    const category = result.clusters.filter((c) => c.kind === 'placeholder');
    const misplaced = corpus.filter(
      (o, i) => (o.kind === 'placeholder') !== (result.clusters[result.clusterOf(i)]!.kind === 'placeholder'),
    ).length;
    figure('placeholders in their category / opinions on the wrong side of it', `${category[0]?.size} / ${misplaced}`);
    expect(category.map((c) => c.size)).toEqual([placeholders]);
    expect(misplaced).toBe(0);
  });
});
