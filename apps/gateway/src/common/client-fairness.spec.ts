import { ClientFairness } from './client-fairness';

describe('per-client fairness', () => {
  it('runs at most maxInFlight requests of a client, queues the rest in order and refuses past the queue bound', () => {
    const fairness = new ClientFairness(2, 2);
    const started: number[] = [];
    const answers = [1, 2, 3, 4, 5].map((n) => fairness.enter('10.0.0.1', () => started.push(n)));
    expect(answers).toEqual(['now', 'now', 'queued', 'queued', 'full']);
    expect(fairness.enter('10.0.0.2', () => undefined)).toBe('now');
    fairness.leave('10.0.0.1');
    expect(started).toEqual([3]);
    fairness.leave('10.0.0.1');
    fairness.leave('10.0.0.1');
    expect(started).toEqual([3, 4]);
    expect(fairness.load('10.0.0.1')).toEqual({ running: 1, waiting: 0 });
    fairness.leave('10.0.0.1');
    expect(fairness.load('10.0.0.1')).toEqual({ running: 0, waiting: 0 });
  });
});
