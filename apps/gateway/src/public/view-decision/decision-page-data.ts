import type { DataSource } from 'typeorm';
import type { ConsultationCounts } from '../../../../../libs/domain/src';
import {
  findPublicDecision,
  findPublicTimeline,
  hasPublicIntake,
  listPublishedOpinions,
  liveConsultationCounts,
  type PublicDecision,
} from '../../../../../libs/persistence/src';
import { pageNumber } from '../../common/page-number';
import type { Category } from '../../site-shell/web/categories';
import { loadPublicNames, type Names } from '../../site-shell/web/names';
import { notPublic } from './get-public-decision.controller';
import { foldDecisionPage, type DecisionPageModel } from './decision-page-model';
import type { OpinionsPage } from './opinions-section';

export const OPINIONS_PAGE_SIZE = 20;

/** Everything the decision page shows, read from public sources only (read model, public log, `text_public`). */
export interface DecisionPageData {
  decision: PublicDecision;
  model: DecisionPageModel;
  /** Counts of an open consultation as they stand now; the seal's frozen counts come from the log. */
  liveCounts: ConsultationCounts | null;
  opinions: OpinionsPage;
  /** The opinion form is shown: the consultation, or the execution channel (art.34), is open. */
  acceptsOpinions: boolean;
  /** Names for the unit codes the page shows (ADR 108). */
  names: Names;
}

/** Throws DECISION_NOT_FOUND for an unknown or non-public decision. */
export async function loadDecisionPage(
  dataSource: DataSource,
  id: string,
  opinionsPage: number,
  categories: readonly Category[],
): Promise<DecisionPageData> {
  const [decision, entries] = await Promise.all([
    findPublicDecision(dataSource, id),
    findPublicTimeline(dataSource, id),
  ]);
  if (!decision || !entries) throw notPublic(id);
  const model = foldDecisionPage(entries);
  const consulting = decision.stage === 'consultation';
  const [liveCounts, opinions, intake, names] = await Promise.all([
    consulting ? liveConsultationCounts(dataSource, id) : Promise.resolve(null),
    listPublishedOpinions(dataSource, id, opinionsPage, OPINIONS_PAGE_SIZE),
    hasPublicIntake(dataSource, id),
    loadPublicNames(dataSource, categories),
  ]);
  return {
    decision,
    model,
    liveCounts,
    opinions: { ...opinions, page: opinionsPage, pageSize: OPINIONS_PAGE_SIZE },
    acceptsOpinions: intake && (consulting || decision.stage === 'execution' || decision.stage === 'evaluation'),
    names,
  };
}

/** `?opinions=` as a page number (1 when absent or unusable). */
export function opinionsPageOf(value: string | undefined): number {
  return pageNumber(value, 1_000_000);
}
