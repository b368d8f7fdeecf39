import type { StaffActor } from '../accounts/actors';
import { initialState } from './decision-state';
import { applyRegistration, registerDecision, type RegisterDecision } from './register-decision';

const drafter: StaffActor = { accountId: 'acc-1', username: 'drafter', unit: 'unit-a', role: 'drafter' };
const now = new Date('2026-03-02T01:02:03.000Z');
const command: RegisterDecision = {
  title: '关于调整城乡居民基本养老保险基础养老金的决定',
  summary: '提高最低标准',
  unit: 'unit-a',
  category: 'social-security',
  confidential: false,
  riskAssessmentRequired: true,
};

describe('registerDecision', () => {
  it('puts a public decision in the catalogue: one public and one internal event, seq 1', () => {
    const events = registerDecision(initialState('d1'), command, drafter, now);
    expect(events.public).toEqual([
      expect.objectContaining({
        seq: 1,
        type: 'DecisionRegistered',
        occurredAt: '2026-03-02T01:02:03.000Z',
        actor: { unit: 'unit-a', role: 'drafter' },
      }),
    ]);
    expect(events.internal).toEqual([expect.objectContaining({ seq: 1, type: 'DecisionRegistered', actor: drafter })]);
  });

  it('never puts a staff member or a confidential flag on the public event', () => {
    const [event] = registerDecision(initialState('d1'), command, drafter, now).public;
    expect(JSON.stringify(event)).not.toContain('acc-1');
    expect(JSON.stringify(event)).not.toContain('"username"');
  });

  it('leaves the public log empty for a confidential decision and keeps its ground internal', () => {
    const events = registerDecision(
      initialState('d1'),
      { ...command, confidential: true, confidentialGround: '涉及国家秘密' },
      drafter,
      now,
    );
    expect(events.public).toEqual([]);
    expect(events.internal[0]?.data).toMatchObject({ confidential: true, confidentialGround: '涉及国家秘密' });
  });

  it('rejects a confidential decision without its legal ground', () => {
    expect(() => registerDecision(initialState('d1'), { ...command, confidential: true }, drafter, now)).toThrow(
      expect.objectContaining({ code: 'LEGAL_GROUND_REQUIRED', kind: 'invalid' }),
    );
  });

  it('rejects a drafter registering for another unit', () => {
    expect(() => registerDecision(initialState('d1'), { ...command, unit: 'unit-b' }, drafter, now)).toThrow(
      expect.objectContaining({ code: 'OTHER_UNIT', kind: 'forbidden' }),
    );
  });

  it('rejects a role other than drafter', () => {
    expect(() => registerDecision(initialState('d1'), command, { ...drafter, role: 'manager' }, now)).toThrow(
      expect.objectContaining({ code: 'ROLE_NOT_ALLOWED' }),
    );
  });

  it('rejects a second registration of the same decision', () => {
    const registered = applyRegistration(initialState('d1'), command);
    expect(() => registerDecision(registered, command, drafter, now)).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION', kind: 'conflict' }),
    );
  });

  it('rejects a planned date that is not YYYY-MM-DD', () => {
    expect(() =>
      registerDecision(initialState('d1'), { ...command, plannedDates: { decisionBy: '2027/01/01' } }, drafter, now),
    ).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});
