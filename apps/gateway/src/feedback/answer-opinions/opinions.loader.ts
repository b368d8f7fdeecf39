import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DEFAULT_POLICY, DomainError, type DecisionRecord, type StaffActor } from '../../../../../libs/domain/src';
import {
  listAnswerTemplates,
  listClusters,
  listOpinionsForStaff,
  type ClusterPage,
  type StaffOpinion,
  type StoredAnswerTemplate,
} from '../../../../../libs/persistence/src';
import { pageNumber } from '../../common/page-number';
import { ownDecision } from '../../common/own-decision';
import { DATA_SOURCE } from '../../common/tokens';

export const OPINIONS_PAGE_SIZE = 20;
export const CLUSTERS_PAGE_SIZE = 50;

export interface OpinionsWork {
  record: DecisionRecord;
  opinions: { items: StaffOpinion[]; total: number; page: number };
  /** The cluster whose opinions are listed (`?cluster=`), else all opinions. */
  cluster?: string;
  /** Undefined while the opinions are not clustered (CLUSTERS_NOT_READY). */
  clusters?: ClusterPage;
  templates: StoredAnswerTemplate[];
}

/** The raw opinions of the owning unit's decision, its clusters and the unit's answer templates. */
@Injectable()
export class OpinionsLoader {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async load(decisionId: string, actor: StaffActor, query: Record<string, unknown>): Promise<OpinionsWork> {
    const record = await ownDecision(this.dataSource, decisionId, actor);
    const page = pageNumber(query['page']);
    const cluster =
      typeof query['cluster'] === 'string' && /^[A-Za-z0-9-]{1,32}$/.test(query['cluster'])
        ? query['cluster']
        : undefined;
    const [opinions, clusters, templates] = await Promise.all([
      listOpinionsForStaff(
        this.dataSource,
        decisionId,
        page,
        OPINIONS_PAGE_SIZE,
        cluster ? { clusterId: cluster } : {},
      ),
      listClusters(this.dataSource, decisionId, DEFAULT_POLICY, {
        page: pageNumber(query['cpage']),
        pageSize: CLUSTERS_PAGE_SIZE,
      }).catch((error: unknown) => {
        if (error instanceof DomainError && error.code === 'CLUSTERS_NOT_READY') return undefined;
        throw error;
      }),
      listAnswerTemplates(this.dataSource, record.unit),
    ]);
    return { record, opinions: { ...opinions, page }, cluster, clusters, templates };
  }
}
