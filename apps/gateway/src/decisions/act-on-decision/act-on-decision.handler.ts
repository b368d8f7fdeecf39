import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import {
  actsForAllUnits,
  assertRole,
  DEFAULT_POLICY,
  DomainError,
  findAction,
  normalizeReceipt,
  type DecisionState,
  type StaffActor,
} from '../../../../../libs/domain/src';
import {
  currentStaffRequest,
  feedbackReportFacts,
  findDecision,
  findReceipt,
} from '../../../../../libs/persistence/src';
import { toDomainError } from '../../../../../libs/temporal/src';
import { actionUpdate, decisionWorkflowId } from '../../../../../workflows/definitions';
import type { GatewayConfig } from '../../config';
import { CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from '../../common/tokens';
import { actOnEndedClosedRun, isNoRunningRun } from './ended-run';

@Injectable()
export class ActOnDecisionHandler {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Checks that need the database, which the workflow's pure rules cannot see. */
  private async checkRecords(
    decisionId: string,
    actionName: string,
    command: Record<string, unknown>,
    actor: StaffActor,
  ): Promise<void> {
    if (actionName === 'withhold-opinion') {
      const typed = command['receipt'];
      const receipt = typeof typed === 'string' ? normalizeReceipt(typed) : undefined;
      const found = receipt ? await findReceipt(this.dataSource, receipt) : undefined;
      if (!found || found.decisionId !== decisionId)
        throw new DomainError('RECEIPT_NOT_FOUND', 'not_found', 'No such opinion on this decision.');
      command['receipt'] = receipt;
    }
    if (actionName === 'feedback-report') await this.putReportFacts(decisionId, command, actor);
  }

  /**
   * The report's statistics and concentrated clusters (with their answers) are computed from the
   * database, never taken from the client; the workflow's rule then checks the clusters' answers.
   */
  private async putReportFacts(decisionId: string, command: Record<string, unknown>, actor: StaffActor): Promise<void> {
    delete command['statistics'];
    delete command['clusters'];
    const decision = await findDecision(this.dataSource, decisionId);
    // Out of stage or of another unit: the workflow refuses with the rule's own code.
    if (!decision || decision.stage !== 'feedback' || (!actsForAllUnits(actor.role) && decision.unit !== actor.unit))
      return;
    Object.assign(command, await feedbackReportFacts(this.dataSource, decisionId, DEFAULT_POLICY));
  }

  /**
   * Sends a staff action to the decision's workflow as the Update of the same name and answers with
   * the state after the step was appended. A refused action (validator) changes nothing. Sent with an
   * Idempotency-Key, the scoped key is the update id: Temporal answers a retry in the same run with the
   * original outcome, and the workflow remembers recent ids across continue-as-new (ADR 0026). The call
   * ends at the request's deadline (ADR 0027).
   */
  async execute(
    decisionId: string,
    actionName: string,
    command: Record<string, unknown>,
    actor: StaffActor,
  ): Promise<DecisionState> {
    const action = findAction(actionName);
    if (!action) throw new DomainError('UNKNOWN_ACTION', 'not_found', `No action ${actionName}.`);
    assertRole(action, actor);
    await this.checkRecords(decisionId, action.name, command, actor);
    try {
      const request = currentStaffRequest();
      const handle = this.client.workflow.getHandle(decisionWorkflowId(decisionId));
      const updateId = request?.key;
      const update = async (): Promise<DecisionState> => {
        try {
          return await handle.executeUpdate(actionUpdate(action.name), {
            args: [{ actor, command }],
            ...(updateId ? { updateId } : {}),
          });
        } catch (error) {
          // A closed decision whose run ended before closed decisions kept theirs (ADR 28).
          const resumed = isNoRunningRun(error)
            ? await actOnEndedClosedRun(
                this.client,
                this.config.TASK_QUEUE,
                decisionId,
                action.name,
                { actor, command },
                updateId,
              )
            : undefined;
          if (resumed) return resumed;
          throw error;
        }
      };
      return await (request ? this.client.withDeadline(request.deadline, update) : update());
    } catch (error) {
      throw toDomainError(error);
    }
  }
}
