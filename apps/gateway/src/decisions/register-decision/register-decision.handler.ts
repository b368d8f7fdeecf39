import { Inject, Injectable } from '@nestjs/common';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import {
  assertCanRegister,
  initialState,
  type DecisionState,
  type RegisterDecision,
  type StaffActor,
} from '../../../../../libs/domain/src';
import { toDomainError } from '../../../../../libs/temporal/src';
import { decisionWorkflowId, registerUpdate, type DecisionWorkflowInput } from '../../../../../workflows/definitions';
import type { DataSource } from 'typeorm';
import { currentStaffRequest, listUnits } from '../../../../../libs/persistence/src';
import type { GatewayConfig } from '../../config';
import { newDecisionId } from '../../common/decision-id';
import { CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from '../../common/tokens';
import { operatorSummary } from './operator-summary';

@Injectable()
export class RegisterDecisionHandler {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(CONFIG) private readonly config: GatewayConfig,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  /**
   * Starts the decision's workflow and registers it in one round trip (Update-With-Start), answering
   * once DecisionRegistered is in the log. The workflow carries its title and unit for operators
   * (static summary and details, and a memo; ADR 108). The rule is checked here first so that a refused
   * registration never starts a workflow; the workflow's validator checks it again.
   *
   * Sent with an Idempotency-Key, every attempt uses the decision id reserved by the first and the
   * scoped key as update id: a retry attaches to the workflow the first attempt started (conflict
   * policy USE_EXISTING) and Temporal answers it with the original registration. A workflow id is never
   * reused for a new workflow (REJECT_DUPLICATE), so a late retry cannot restart a finished decision.
   */
  async execute(command: RegisterDecision, actor: StaffActor): Promise<DecisionState> {
    const request = currentStaffRequest();
    const decisionId = request?.reserved ?? newDecisionId();
    assertCanRegister(initialState(decisionId), command, actor);
    const input: DecisionWorkflowInput = { decisionId };
    const unit = (await listUnits(this.dataSource)).find((u) => u.id === command.unit);
    const { staticSummary, staticDetails, memo } = operatorSummary(decisionId, command, unit?.name);
    const start = new WithStartWorkflowOperation('decisionWorkflow', {
      workflowId: decisionWorkflowId(decisionId),
      taskQueue: this.config.TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: request?.key ? 'USE_EXISTING' : 'FAIL',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      staticSummary,
      staticDetails,
      memo,
    });
    const register = (): Promise<DecisionState> =>
      this.client.workflow.executeUpdateWithStart(registerUpdate, {
        args: [{ actor, command }],
        startWorkflowOperation: start,
        ...(request?.key ? { updateId: request.key } : {}),
      });
    try {
      return await (request ? this.client.withDeadline(request.deadline, register) : register());
    } catch (error) {
      throw toDomainError(error);
    }
  }
}
