import { initialState, type DecisionState } from './decision-state';
import { changeStage, LIFECYCLE } from './lifecycle';
import { STAGES } from './stages';
import { nextWake } from './timers';

const at = (stage: DecisionState['stage'], overrides: Partial<DecisionState> = {}): DecisionState => ({
  ...initialState('d1'),
  registered: true,
  stage,
  ...overrides,
});

describe('the lifecycle table', () => {
  it('has one row per stage and trigger', () => {
    const keys = LIFECYCLE.map((row) => `${row.from} × ${row.on}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('leaves every stage but closed, and reaches every stage but drafting from another', () => {
    expect(STAGES.filter((stage) => !LIFECYCLE.some((row) => row.from === stage))).toEqual(['closed']);
    expect(STAGES.filter((stage) => !LIFECYCLE.some((row) => row.to === stage))).toEqual([]);
  });

  it('changes the stage along a row and keeps the rest of the state', () => {
    const moved = changeStage(at('suspended', { title: 't' }), 'resume');
    expect(moved).toEqual(at('execution', { title: 't' }));
  });

  it('refuses a move the table does not have, with ILLEGAL_TRANSITION', () => {
    expect(() => changeStage(at('drafting'), 'resume')).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION', details: { stage: 'drafting', trigger: 'resume' } }),
    );
    expect(() => changeStage(at('closed'), 'close')).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });
});

describe('nextWake: what the workflow sleeps until', () => {
  const now = Date.parse('2027-01-01T00:00:00.000Z');
  const hour = 3_600_000;
  const opening = at('pre_disclosure', {
    plan: {
      channels: ['online'],
      opensAt: '2027-01-02T00:00:00.000Z',
      closesAt: '2027-02-10T00:00:00.000Z',
      shortenedApproved: false,
    },
  });

  it('is nothing when no deadline is pending and no trigger check is scheduled', () => {
    expect(nextWake(at('drafting'), now)).toBeUndefined();
  });

  it('is the earliest deadline, with the wait from now', () => {
    const wake = nextWake(opening, now)!;
    expect(wake).toMatchObject({
      at: Date.parse('2027-01-02T00:00:00.000Z'),
      wait: 24 * hour,
      timer: { key: 'opens', kind: 'consultation_opens' },
    });
  });

  it('is the trigger check when it comes strictly before the earliest deadline, and the deadline on a tie', () => {
    expect(nextWake(opening, now, now + hour)).toEqual({ at: now + hour, wait: hour });
    expect(nextWake(opening, now, now + 24 * hour)?.timer?.key).toBe('opens');
    expect(nextWake(at('execution'), now, now + hour)).toEqual({ at: now + hour, wait: hour });
  });

  it('has a wait of zero or less for a deadline that already passed', () => {
    expect(nextWake(opening, now + 48 * hour)!.wait).toBe(-24 * hour);
  });
});
