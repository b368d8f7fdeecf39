import { randomInt } from 'node:crypto';
import { DEFAULT_POLICY, RECEIPT_SYMBOLS, receiptFrom, type Policy } from '../../libs/domain/src';
import { findPublicTimeline, OpinionGroupCommit, type Stored } from '../../libs/persistence/src';
import { getStateQuery } from '../../workflows/definitions';
import { newId } from '../support/decisions';
import { useWorkerFixture } from '../support/fixtures';
import { toExecution } from '../support/lifecycle-driver';
import { quietFor } from '../support/eventually';

/** A decision counts its execution-stage opinions every 2 s and starts its evaluation above 3. */
const policy: Policy = { ...DEFAULT_POLICY, evaluationTriggerOpinions: 3, evaluationTriggerCheckHours: 2 / 3600 };

describe('the evaluation trigger from execution-stage opinions (SPEC.md §3.7, art.36)', () => {
  const fixture = useWorkerFixture('sqlite', 'evaluation-trigger');

  it('starts the evaluation once the public sent more opinions on the execution than the policy allows, not before', async () => {
    const id = newId();
    const driver = await toExecution(fixture.client, fixture.taskQueue, id, policy);
    const intake = new OpinionGroupCommit(fixture.dataSource);
    const send = (n: number): Promise<Stored> =>
      intake.store({
        receipt: receiptFrom(Array.from({ length: RECEIPT_SYMBOLS }, () => randomInt(31))),
        decisionId: id,
        channel: 'online',
        section: null,
        textRaw: `执行中的问题 ${n}`,
        textPublic: `执行中的问题 ${n}`,
        contact: null,
        idempotencyKey: `exec-${n}`,
        requestHash: `h${n}`,
      });

    const first = await Promise.all([1, 2, 3].map(send));
    const stored = (await fixture.dataSource.query(
      `SELECT phase, round FROM opinions WHERE decision_id = '${id}'`,
    )) as Array<{ phase: string; round: number }>;
    expect(stored).toEqual(first.map(() => ({ phase: 'execution', round: 0 })));
    // Below the threshold nothing starts: the stage stays execution for 5 s.
    await quietFor(5_000, async () => expect((await driver.handle.query(getStateQuery)).stage).toBe('execution'), {
      intervalMs: 500,
    });

    await send(4);
    await driver.waitForStage('evaluation', 15_000);
    const started = (await findPublicTimeline(fixture.dataSource, id))!.filter((e) => e.type === 'EvaluationStarted');
    expect(started).toHaveLength(1);
    expect(started[0]!.data).toMatchObject({ trigger: 'opinions', opinions: 4, threshold: 3 });

    // The channel stays open while the execution is evaluated, and the trigger does not fire twice.
    await send(5);
    await quietFor(
      4_500,
      async () =>
        expect(
          (await findPublicTimeline(fixture.dataSource, id))!.filter((e) => e.type === 'EvaluationStarted'),
        ).toHaveLength(1),
      { intervalMs: 500 },
    );
  }, 90_000);
});
