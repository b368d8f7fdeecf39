import { initialState, type DecisionState, type StaffActor } from '../../../../../../libs/domain/src';
import { availableActions } from './workspace.page';

const actor = (role: StaffActor['role']): StaffActor => ({ accountId: role, username: role, unit: 'unit-a', role });
const state = (over: Partial<DecisionState>): DecisionState => ({ ...initialState('d1'), registered: true, unit: 'unit-a', ...over });
const names = (s: DecisionState, role: StaffActor['role']): string[] => availableActions(s, actor(role)).map((a) => a.name);

describe('the forms a workspace offers', () => {
  it('offers a drafter of a public decision in drafting its drafting forms, not the confidential path', () => {
    expect(names(state({}), 'drafter')).toEqual(['draft-versions', 'consultation-plan', 'submit-for-publication', 'expert-opinions', 'risk-assessments']);
    expect(names(state({ confidential: true }), 'drafter')).toEqual(['draft-versions', 'submit-for-decision', 'expert-opinions', 'risk-assessments']);
  });

  it('offers approve and return only while a submission waits, and a shortening approval only when asked', () => {
    expect(names(state({}), 'reviewer')).toEqual([]);
    const review = { id: 'r1', kind: 'draft' as const, submittedBy: 'x', submittedAt: '', dueAt: '', overdue: false, payload: {} };
    expect(names(state({ reviews: [review] }), 'reviewer')).toEqual(['approve', 'return']);
    const plan = { channels: ['online' as const], opensAt: '', closesAt: '', shortenedReason: '理由', shortenedApproved: false };
    expect(names(state({ plan }), 'manager')).toEqual(['shortened-consultation-approval']);
    expect(names(state({ plan: { ...plan, shortenedApproved: true } }), 'manager')).toEqual([]);
  });

  it('offers a manager in execution the audit, accountability, evaluation and close forms', () => {
    expect(names(state({ stage: 'execution' }), 'manager')).toEqual(['withhold-opinion', 'audit-findings', 'accountability', 'evaluation', 'close']);
  });
});
