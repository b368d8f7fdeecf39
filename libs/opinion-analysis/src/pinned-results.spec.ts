import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deidentify } from '../../domain/src';
import { greetingCorpus, placeholderCorpus, stanceCorpus, type CorpusOpinion } from './spec-support/analysis-corpus';
import { seededRandom, syntheticOpinions } from './spec-support/opinion-corpus';
import { OpinionClusterer } from './opinion-clustering';

/**
 * The engine's results pinned (ADR 115): a digest of every opinion's cluster, and of every cluster's
 * kind, size, representative, stance, keywords and label, on a fixed corpus of a few thousand texts —
 * form letters and distinct opinions (with sections), greetings with name, ID number and phone, stance
 * flips, traditional copies and placeholders, shuffled with a fixed seed. The digests were computed by the
 * engine before its speed-ups: a change that moves a single opinion or a single character of a label
 * fails here. If results change on purpose, say why in an ADR and update the digests with it.
 */

interface PinnedOpinion {
  text: string;
  section: string | null;
}

function corpus(): PinnedOpinion[] {
  const traditional = JSON.parse(
    readFileSync(join(__dirname, 'spec-support/traditional.json'), 'utf8'),
  ) as CorpusOpinion[];
  const masked = (o: CorpusOpinion): PinnedOpinion => ({
    text: deidentify(o.text, o.contact ?? {}).text,
    section: null,
  });
  const all: PinnedOpinion[] = [
    ...[...syntheticOpinions(2500, { seed: 115, templates: 12 })].map(({ text, section }) => ({ text, section })),
    ...greetingCorpus(115, 12).map(masked),
    ...stanceCorpus(115, 12).map(masked),
    ...placeholderCorpus(115, 120).map(masked),
    ...traditional.filter((_, i) => i % 3 === 0).map(masked),
  ];
  const random = seededRandom(1150);
  for (let i = all.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

function digests(opinions: PinnedOpinion[]): { assignments: string; clusters: string; summary: string } {
  const clusterer = new OpinionClusterer();
  opinions.forEach(({ text }) => clusterer.add(text));
  clusterer.endNearDuplicates();
  opinions.forEach(({ text, section }, i) => {
    if (clusterer.needsDescription(i)) clusterer.describe(i, text, section);
  });
  const result = clusterer.finish();
  const sha = (value: string): string => createHash('sha256').update(value).digest('hex').slice(0, 24);
  const placeholders = result.clusters.find((c) => c.kind === 'placeholder')?.size ?? 0;
  return {
    assignments: sha(opinions.map((_, i) => result.clusterOf(i)).join(',')),
    clusters: sha(JSON.stringify(result.clusters)),
    summary: `${opinions.length} opinions, ${result.nearDuplicateGroups} groups, ${result.clusters.length} clusters, ${placeholders} placeholders`,
  };
}

describe('the clustering engine’s results, pinned (ADR 115)', () => {
  it('gives the same clusters, labels, stances and categories as before its speed-ups', () => {
    const opinions = corpus();
    const first = digests(opinions);
    expect(first).toEqual({
      assignments: '78afded573832f0b896e9ac3',
      clusters: '1d12a66363dd0e390f1c9326',
      summary: '3551 opinions, 1148 groups, 107 clusters, 120 placeholders',
    });
    // Deterministic within one process too: module-level scratch buffers carry nothing over.
    expect(digests(opinions)).toEqual(first);
  });
});
