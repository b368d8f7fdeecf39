import { initialState, type DecisionState } from './decision-state';
import { DEFAULT_POLICY } from '../accounts/policy';
import { evaluationTriggeredByOpinions, evaluationTriggerSince } from './timers';
import { SYSTEM_ACTOR } from '../log/internal-log';

const now = new Date('2026-06-01T00:00:00.000Z');
const context = { actor: SYSTEM_ACTOR, now, policy: DEFAULT_POLICY };
const executing: DecisionState = {
  ...initialState('d1'),
  registered: true,
  stage: 'execution',
  evaluation: { dueAt: '2028-01-01T00:00:00.000Z' },
};

describe('the evaluation trigger from execution-stage opinions (art.36)', () => {
  it('starts the evaluation only when the opinions exceed the policy figure', () => {
    expect(evaluationTriggeredByOpinions(executing, 100, context)).toBeUndefined();
    const started = evaluationTriggeredByOpinions(executing, 101, context)!;
    expect(started.state.stage).toBe('evaluation');
    expect(started.state.evaluation).toMatchObject({ startedAt: now.toISOString(), dueAt: '2028-01-01T00:00:00.000Z' });
    expect(started.public).toEqual([
      {
        type: 'EvaluationStarted',
        data: {
          trigger: 'opinions',
          evaluatorUnit: null,
          opinions: 101,
          since: '2026-03-03T00:00:00.000Z',
          threshold: 100,
        },
      },
    ]);
  });

  it('does nothing outside execution or once an evaluation has started', () => {
    expect(evaluationTriggeredByOpinions({ ...executing, stage: 'evaluation' }, 500, context)).toBeUndefined();
    expect(
      evaluationTriggeredByOpinions({ ...executing, evaluation: { startedAt: now.toISOString() } }, 500, context),
    ).toBeUndefined();
  });

  it('counts the last 90 days, but not the opinions an earlier evaluation already weighed', () => {
    expect(evaluationTriggerSince(executing, now)).toBe('2026-03-03T00:00:00.000Z');
    expect(
      evaluationTriggerSince({ ...executing, evaluation: { opinionsCountedFrom: '2026-05-01T00:00:00.000Z' } }, now),
    ).toBe('2026-05-01T00:00:00.000Z');
    expect(
      evaluationTriggerSince({ ...executing, evaluation: { opinionsCountedFrom: '2025-01-01T00:00:00.000Z' } }, now),
    ).toBe('2026-03-03T00:00:00.000Z');
  });
});
