import type { InternalEventDraft, PublicEventDraft, StaffActor } from '../../libs/domain/src';

/** Log steps for the persistence specs that append without a workflow: what `appendEvents` receives. */
export const logActor: StaffActor = { accountId: 'acc-1', username: 'drafter', unit: 'unit-a', role: 'drafter' };
export const at = (minute: number): string => `2026-05-01T08:${String(minute).padStart(2, '0')}:00.000Z`;

export function registration(seq = 1): { public: PublicEventDraft[]; internal: InternalEventDraft[] } {
  const data = {
    title: '城市更新',
    summary: '老旧小区改造',
    unit: 'unit-a',
    category: 'urban',
    riskAssessmentRequired: false,
    plannedDates: {},
  };
  return {
    public: [{ seq, type: 'DecisionRegistered', occurredAt: at(0), actor: { unit: 'unit-a', role: 'drafter' }, data }],
    internal: [
      {
        seq,
        type: 'DecisionRegistered',
        occurredAt: at(0),
        actor: logActor,
        data: { ...data, confidential: false, confidentialGround: null },
      },
    ],
  };
}

export function progress(seq: number, percent: number): { public: PublicEventDraft[]; internal: InternalEventDraft[] } {
  return {
    public: [
      {
        seq,
        type: 'ProgressReported',
        occurredAt: at(seq),
        actor: { unit: 'unit-a', role: 'drafter' },
        data: { percent },
      },
    ],
    internal: [{ seq, type: 'ProgressReported', occurredAt: at(seq), actor: logActor, data: { percent } }],
  };
}
