import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DomainError, findAction, type DecisionState, type StaffActor } from '../../../../libs/domain/src';
import { actionUpdate, decisionWorkflowId, toDomainError } from '../../../../libs/temporal/src';
import { TEMPORAL_CLIENT } from '../common/tokens';

@Injectable()
export class ActOnDecisionHandler {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  /**
   * Sends a staff action to the decision's workflow as the Update of the same name and answers with
   * the state after the step was appended. A refused action (validator) changes nothing.
   */
  async execute(decisionId: string, actionName: string, command: Record<string, unknown>, actor: StaffActor): Promise<DecisionState> {
    const action = findAction(actionName);
    if (!action) throw new DomainError('UNKNOWN_ACTION', 'not_found', `No action ${actionName}.`);
    if (!action.roles.includes(actor.role)) {
      throw new DomainError('ROLE_NOT_ALLOWED', 'forbidden', `${action.name} needs one of the roles: ${action.roles.join(', ')}.`);
    }
    try {
      return await this.client.workflow.getHandle(decisionWorkflowId(decisionId)).executeUpdate(actionUpdate(action.name), { args: [{ actor, command }] });
    } catch (error) {
      throw toDomainError(error);
    }
  }
}
