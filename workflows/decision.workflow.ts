import { condition, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import {
  afterAppend,
  applyRegistration,
  assertCanRegister,
  initialState,
  registerDecision,
  type DecisionState,
  type RegisterDecision,
} from '../libs/domain/src';
import type { DecisionActivities } from './activities';
import { getStateQuery, registerUpdate, type DecisionWorkflowInput, type StaffCommand } from './definitions';
import { createExclusive } from './exclusive';
import { asFailure } from './failures';
import { ConfidentialKey, DecisionStageKey, PolicyUnitKey } from './search-attributes';

const { appendEvents } = proxyActivities<DecisionActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', nonRetryableErrorTypes: ['LogConflictError'] },
});

/** A workflow started without a registration ends by itself after this long. */
const REGISTRATION_WINDOW = '1 hour';

/**
 * One decision's whole life (SPEC.md §3). Every staff action is an Update whose validator applies the
 * pure rule from libs/domain; the handler appends the step's events (public and internal log, read
 * models) through `appendEvents` and only then changes the state it returns.
 */
export async function decisionWorkflow(input: DecisionWorkflowInput): Promise<void> {
  let state: DecisionState = input.state ?? initialState(input.decisionId);
  const exclusive = createExclusive();

  setHandler(getStateQuery, () => state);

  setHandler(
    registerUpdate,
    ({ actor, command }) =>
      exclusive(async () => {
        // Re-checked under the lock: a concurrent update may have changed the state since validation.
        const events = asFailure(() => registerDecision(state, command, actor, new Date()));
        await appendEvents({ decisionId: state.decisionId, ...events });
        state = applyRegistration(afterAppend(state, events), command);
        upsertSearchAttributes([
          { key: DecisionStageKey, value: state.stage },
          { key: PolicyUnitKey, value: state.unit },
          { key: ConfidentialKey, value: state.confidential },
        ]);
        return state;
      }),
    { validator: ({ actor, command }: StaffCommand<RegisterDecision>) => asFailure(() => assertCanRegister(state, command, actor)) },
  );

  if (!(await condition(() => state.registered, REGISTRATION_WINDOW))) return;

  // Later stages (issue: lifecycle) continue from here; until then a registered decision stays in drafting.
  await condition(() => state.stage === 'closed');
}
