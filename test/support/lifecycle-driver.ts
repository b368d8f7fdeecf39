import type { Client } from '@temporalio/client';
import type { DecisionState, Policy, StaffActor } from '../../libs/domain/src';
import { actionUpdate, decisionWorkflowId, getStateQuery } from '../../workflows/definitions';
import { aRegistration, drafterA, registerViaTemporal } from './decisions';
import { eventually } from './eventually';

export const reviewerA: StaffActor = {
  accountId: 'acc-reviewer-a',
  username: 'reviewer',
  unit: 'unit-a',
  role: 'reviewer',
};
export const managerA: StaffActor = {
  accountId: 'acc-manager-a',
  username: 'manager',
  unit: 'unit-a',
  role: 'manager',
};

const at = (ms: number): string => new Date(Date.now() + ms).toISOString();

/** Sends staff actions straight to a decision's workflow, as the gateway does. */
export function decisionDriver(client: Client, decisionId: string) {
  const handle = client.workflow.getHandle(decisionWorkflowId(decisionId));
  const act = (actor: StaffActor, action: string, command: Record<string, unknown> = {}): Promise<DecisionState> =>
    handle.executeUpdate(actionUpdate(action), { args: [{ actor, command }] });
  const approveLast = async (state: DecisionState): Promise<DecisionState> =>
    act(reviewerA, 'approve', { reviewId: state.reviews!.at(-1)!.id });
  const waitForStage = async (stage: DecisionState['stage'], timeoutMs = 30_000): Promise<DecisionState> =>
    eventually(
      async () => {
        const state = await handle.query(getStateQuery);
        if (state.stage !== stage)
          throw new Error(`decision ${decisionId} stayed in ${state.stage}, expected ${stage}`);
        return state;
      },
      { timeoutMs, intervalMs: 200, what: `decision ${decisionId} reaches ${stage}` },
    );
  return { handle, act, approveLast, waitForStage };
}

/**
 * Registers a decision and opens its consultation: a shortened window (approved) that opens in
 * `opensInMs` and closes `closesAfterMs` after that.
 */
export async function toConsultation(
  client: Client,
  taskQueue: string,
  decisionId: string,
  opensInMs = 1_000,
  closesAfterMs = 1_000,
  policy?: Policy,
) {
  const driver = decisionDriver(client, decisionId);
  await registerViaTemporal(client, taskQueue, decisionId, aRegistration(), drafterA, policy);
  await driver.act(drafterA, 'draft-versions', { draft: '草案', basis: '依据', explanation: '说明' });
  await driver.act(drafterA, 'consultation-plan', {
    channels: ['online'],
    opensAt: at(opensInMs),
    closesAt: at(opensInMs + closesAfterMs),
    shortenedReason: '测试',
  });
  await driver.act(managerA, 'shortened-consultation-approval');
  await driver.approveLast(await driver.act(drafterA, 'submit-for-publication'));
  return driver;
}

/** Drives a decision from registration to execution with one milestone far in the future. */
export async function toExecution(
  client: Client,
  taskQueue: string,
  decisionId: string,
  policy?: Policy,
): Promise<ReturnType<typeof decisionDriver>> {
  const driver = await toConsultation(client, taskQueue, decisionId, 1_000, 1_000, policy);
  await driver.waitForStage('feedback');
  await driver.approveLast(await driver.act(drafterA, 'feedback-report', { summary: '无', draftChanges: '无' }));
  await driver.act(drafterA, 'legality-review-request');
  await driver.act(reviewerA, 'legality-review', { opinion: 'lawful', text: '合法' });
  await driver.act(managerA, 'collective-decision', { meeting: '常务会议', date: at(0), outcome: 'adopted' });
  const submitted = await driver.act(drafterA, 'publish-decision', {
    text: '决定',
    interpretation: { plainLanguage: '解读' },
    adoptionExplanation: '说明',
    executionUnit: 'unit-a',
    milestones: [{ title: '长期实施', unit: 'unit-a', dueAt: at(400 * 86_400_000), weight: 1 }],
    evaluationDueAt: at(800 * 86_400_000),
  });
  await driver.approveLast(submitted);
  return driver;
}
