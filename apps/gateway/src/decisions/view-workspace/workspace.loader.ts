import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { DecisionRecord, DecisionState, StaffActor } from '../../../../../libs/domain/src';
import { findingTexts, listDecisionHistory, type HistoryEntry } from '../../../../../libs/persistence/src';
import { toDomainError } from '../../../../../libs/temporal/src';
import { decisionWorkflowId, getStateQuery } from '../../../../../workflows/definitions';
import { ownDecision } from '../../common/own-decision';
import { toProblem } from '../../common/problem.filter';
import { CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from '../../common/tokens';
import type { GatewayConfig } from '../../config';
import { loadNames } from '../../site-shell/web/names';
import type { FormLists } from '../act-on-decision/action-form.render';

export interface Workspace {
  record: DecisionRecord;
  /**
   * The workflow's state, or undefined when it cannot be read: Temporal is down (`temporal`), or the
   * workflow is gone after the namespace's retention (`archived`, a closed decision). The page then
   * shows the read model and history without forms; the record itself is in the database forever.
   */
  state: DecisionState | undefined;
  unavailable?: 'temporal' | 'archived';
  history: HistoryEntry[];
  /** The managed lists the forms offer and the names the page shows for codes (ADR 108, 109). */
  lists: FormLists;
}

/** A query that cannot be answered becomes a reason; any other failure is the page's error. */
function stateUnavailable(error: unknown): 'temporal' | 'archived' {
  if ((error as Error)?.name === 'WorkflowNotFoundError') return 'archived';
  if (toProblem(error).problem.code === 'TEMPORAL_UNAVAILABLE') return 'temporal';
  throw toDomainError(error);
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
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  async load(decisionId: string, actor: StaffActor): Promise<Workspace> {
    const record = await ownDecision(this.dataSource, decisionId, actor);
    const [state, history, names, findings] = await Promise.all([
      this.client.workflow
        .getHandle(decisionWorkflowId(decisionId))
        .query(getStateQuery)
        .then(
          (value) => ({ value }),
          (error: unknown) => ({ unavailable: stateUnavailable(error) }),
        ),
      listDecisionHistory(this.dataSource, decisionId, 40),
      loadNames(this.dataSource, this.config.DECISION_CATEGORIES),
      findingTexts(this.dataSource, decisionId),
    ]);
    const lists = { names, findings };
    return 'value' in state
      ? { record, state: state.value, history, lists }
      : { record, state: undefined, unavailable: state.unavailable, history, lists };
  }
}
