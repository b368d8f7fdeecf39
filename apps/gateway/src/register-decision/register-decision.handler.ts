import { Inject, Injectable } from '@nestjs/common';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import { assertCanRegister, initialState, type DecisionState, type RegisterDecision, type StaffActor } from '../../../../libs/domain/src';
import { decisionWorkflowId, registerUpdate, toDomainError, type DecisionWorkflowInput } from '../../../../libs/temporal/src';
import type { GatewayConfig } from '../config';
import { CONFIG, TEMPORAL_CLIENT } from '../common/tokens';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** 16 characters of Crockford base32 (80 random bits): short enough for a URL, never guessed. */
export function newDecisionId(): string {
  return Array.from(randomBytes(16), (byte) => ALPHABET[byte % 32]).join('');
}

@Injectable()
export class RegisterDecisionHandler {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * Starts the decision's workflow and registers it in one round trip (Update-With-Start), answering
   * once DecisionRegistered is in the log. The rule is checked here first so that a refused
   * registration never starts a workflow; the workflow's validator checks it again.
   */
  async execute(command: RegisterDecision, actor: StaffActor): Promise<DecisionState> {
    const decisionId = newDecisionId();
    assertCanRegister(initialState(decisionId), command, actor);
    const input: DecisionWorkflowInput = { decisionId };
    const start = new WithStartWorkflowOperation('decisionWorkflow', {
      workflowId: decisionWorkflowId(decisionId),
      taskQueue: this.config.TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
    });
    try {
      return await this.client.workflow.executeUpdateWithStart(registerUpdate, {
        args: [{ actor, command }],
        startWorkflowOperation: start,
      });
    } catch (error) {
      throw toDomainError(error);
    }
  }
}
