import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { DecisionRecord, DecisionState, StaffActor } from '../../../../../../libs/domain/src';
import { listDecisionHistory, type HistoryEntry } from '../../../../../../libs/persistence/src';
import { decisionWorkflowId, getStateQuery, toDomainError } from '../../../../../../libs/temporal/src';
import { ownDecision } from '../../../common/own-decision';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../../../common/tokens';

export interface Workspace {
  record: DecisionRecord;
  state: DecisionState;
  history: HistoryEntry[];
}

/**
 * What a decision's workspace shows: the read model (stage, due items), the workflow's state (drafts,
 * plan, hearings, pending reviews, milestones: the choices the forms need) and the latest internal-log
 * steps. Staff only; another unit's decision is DECISION_NOT_FOUND for a drafter, as in the API.
 */
@Injectable()
export class WorkspaceLoader {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  async load(decisionId: string, actor: StaffActor): Promise<Workspace> {
    const record = await ownDecision(this.dataSource, decisionId, actor);
    const [state, history] = await Promise.all([
      this.client.workflow
        .getHandle(decisionWorkflowId(decisionId))
        .query(getStateQuery)
        .catch((error: unknown) => {
          throw toDomainError(error);
        }),
      listDecisionHistory(this.dataSource, decisionId, 40),
    ]);
    return { record, state, history };
  }
}
