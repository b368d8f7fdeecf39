import type { DataSource } from 'typeorm';
import { findPublicDecision, findPublicTimeline, type PublicDecision } from '../../../../../libs/persistence/src';
import { notPublic } from '../view-decision/get-public-decision.controller';
import type { ChangesView } from './changes-page';
import { diffDocuments } from './document-diff';
import { choosePair, publicDocuments } from './document-versions';

/** Throws DECISION_NOT_FOUND for an unknown or non-public decision: nothing of it is read otherwise. */
export async function loadChanges(
  dataSource: DataSource,
  id: string,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<{ decision: PublicDecision; view: ChangesView }> {
  const [decision, entries] = await Promise.all([
    findPublicDecision(dataSource, id),
    findPublicTimeline(dataSource, id),
  ]);
  if (!decision || !entries) throw notPublic(id);
  const documents = publicDocuments(entries);
  const chosen = choosePair(documents, query.from, query.to);
  const pair = chosen ? { ...chosen, diff: diffDocuments(chosen.from.text, chosen.to.text) } : null;
  return { decision, view: { decisionId: id, documents, pair } };
}
