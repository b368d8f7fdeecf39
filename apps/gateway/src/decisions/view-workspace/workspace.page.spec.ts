import { initialState, type DecisionState, type StaffActor } from '../../../../../libs/domain/src';
import { availableActions, renderWorkspace } from './workspace.page';

const actor = (role: StaffActor['role']): StaffActor => ({ accountId: role, username: role, unit: 'unit-a', role });
const state = (over: Partial<DecisionState>): DecisionState => ({
  ...initialState('d1'),
  registered: true,
  unit: 'unit-a',
  ...over,
});
const names = (s: DecisionState, role: StaffActor['role']): string[] =>
  availableActions(s, actor(role)).map((a) => a.name);

describe('the forms a workspace offers', () => {
  it('offers a drafter of a public decision in drafting its drafting forms, not the confidential path', () => {
    expect(names(state({}), 'drafter')).toEqual([
      'draft-versions',
      'consultation-plan',
      'submit-for-publication',
      'expert-opinions',
      'risk-assessments',
    ]);
    expect(names(state({ confidential: true }), 'drafter')).toEqual([
      'draft-versions',
      'submit-for-decision',
      'expert-opinions',
      'risk-assessments',
    ]);
  });

  it('offers approve and return only while a submission waits, and a shortening approval only when asked', () => {
    expect(names(state({}), 'reviewer')).toEqual([]);
    const review = {
      id: 'r1',
      kind: 'draft' as const,
      submittedBy: 'x',
      submittedAt: '',
      dueAt: '',
      overdue: false,
      payload: {},
    };
    expect(names(state({ reviews: [review] }), 'reviewer')).toEqual(['approve', 'return']);
    const plan = {
      channels: ['online' as const],
      opensAt: '',
      closesAt: '',
      shortenedReason: '理由',
      shortenedApproved: false,
    };
    expect(names(state({ plan }), 'manager')).toEqual(['shortened-consultation-approval']);
    expect(names(state({ plan: { ...plan, shortenedApproved: true } }), 'manager')).toEqual([]);
  });

  it('offers a manager in execution the audit, accountability, evaluation and close forms', () => {
    expect(names(state({ stage: 'execution' }), 'manager')).toEqual([
      'withhold-opinion',
      'audit-findings',
      'accountability',
      'evaluation',
      'close',
    ]);
  });
});

describe('a workspace whose workflow state cannot be read', () => {
  const record = {
    id: 'd1',
    title: '关于<b>停车</b>的决定',
    summary: '',
    unit: 'unit-a',
    category: 'transport',
    confidential: false,
    publicVisible: true,
    riskAssessmentRequired: false,
    stage: 'closed' as const,
    plannedDates: {},
    registeredAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    lastInternalSeq: 3,
    due: [],
    nextDueAt: null,
    overdue: false,
    progress: null,
  };
  const render = (unavailable: 'temporal' | 'archived', locale: 'zh-CN' | 'en' = 'zh-CN'): string =>
    renderWorkspace(
      { locale, path: '/console/decisions/d1', query: {} },
      { actor: actor('manager'), csrf: 'token' },
      {
        record,
        state: undefined,
        unavailable,
        history: [],
        lists: { names: { units: new Map([['unit-a', { name: '示范单位', nameEn: 'Demo unit' }]]), categories: [] } },
      },
    ).main.value;

  it('shows the database record with a notice and no action form when the workflow is archived or Temporal is down', () => {
    expect(render('archived')).toContain('该决策的流程已归档');
    expect(render('temporal', 'en')).toContain('The workflow service is unavailable');
    expect(render('archived')).not.toContain('<form');
    expect(render('archived')).toContain('关于&lt;b&gt;停车&lt;/b&gt;的决定');
    expect(render('archived')).toContain('示范单位');
  });
});
