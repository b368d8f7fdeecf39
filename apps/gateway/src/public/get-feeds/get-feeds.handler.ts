import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { calendarChanges, findPublicDecisionFeed, findRecentPublicEntries } from '../../../../../libs/persistence/src';
import { CONFIG, DATA_SOURCE } from '../../common/tokens';
import type { GatewayConfig } from '../../config';
import { notPublic } from '../view-decision/get-public-decision.controller';
import { renderAtom, type AtomFeed } from './atom';
import { decisionFeed, RECENT_ENTRIES, recentFeed } from './decision-feeds';

/** A rendered feed and the instant of its newest entry. */
export interface FeedDocument {
  body: string;
  updated: string;
}

const rendered = (feed: AtomFeed): FeedDocument => ({ body: renderAtom(feed), updated: feed.updated });

/** Feeds read the public log and the decisions read model only (never Temporal). */
@Injectable()
export class GetFeedsHandler {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  async recent(): Promise<FeedDocument> {
    const page = await findRecentPublicEntries(this.dataSource, RECENT_ENTRIES);
    return rendered(
      recentFeed(this.config.PUBLIC_BASE_URL, page, await calendarChanges(this.dataSource, RECENT_ENTRIES)),
    );
  }

  /** Throws DECISION_NOT_FOUND (404) for an unknown decision and for one that is not public. */
  async decision(id: string): Promise<FeedDocument> {
    const page = await findPublicDecisionFeed(this.dataSource, id);
    if (!page) throw notPublic(id);
    return rendered(decisionFeed(this.config.PUBLIC_BASE_URL, page, id));
  }
}
