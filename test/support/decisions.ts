import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import type { DecisionState, Policy, RegisterDecision, StaffActor } from '../../libs/domain/src';
import { decisionWorkflowId, registerUpdate, type DecisionWorkflowInput } from '../../workflows/definitions';

export const drafterA: StaffActor = {
  accountId: 'acc-drafter-a',
  username: 'drafter',
  unit: 'unit-a',
  role: 'drafter',
};

export const aRegistration = (overrides: Partial<RegisterDecision> = {}): RegisterDecision => ({
  title: '关于优化城乡居民医保缴费政策的决定',
  summary: '调整个人缴费档次并延长缴费期。',
  unit: 'unit-a',
  category: 'health',
  confidential: false,
  riskAssessmentRequired: false,
  ...overrides,
});

export const newId = (): string => `t${randomBytes(6).toString('hex')}`;

/** Registers a decision the way the gateway does: Update-With-Start on `decision:{id}`. */
export async function registerViaTemporal(
  client: Client,
  taskQueue: string,
  decisionId: string,
  command: RegisterDecision,
  actor: StaffActor = drafterA,
  policy?: Policy,
): Promise<DecisionState> {
  const input: DecisionWorkflowInput = policy ? { decisionId, policy } : { decisionId };
  return client.workflow.executeUpdateWithStart(registerUpdate, {
    args: [{ actor, command }],
    startWorkflowOperation: new WithStartWorkflowOperation('decisionWorkflow', {
      workflowId: decisionWorkflowId(decisionId),
      taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
    }),
  });
}
