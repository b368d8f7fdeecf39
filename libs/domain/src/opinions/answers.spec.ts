import { resolveAnswers, templateIdsOf, type AnswersRequest, type AnswerTemplate } from './answers';
import { receiptFrom } from './receipt';

const receipt = receiptFrom([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
const template: AnswerTemplate = {
  templateId: 'no-budget',
  title: '预算不足',
  verdict: 'not_adopted',
  text: '因财政预算所限，暂不采纳。',
};
const templates = new Map([[template.templateId, template]]);

const refusal = (request: AnswersRequest): unknown => {
  try {
    resolveAnswers(request, templates);
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('answers to clusters and opinions', () => {
  it('resolves a list of answers to clusters and receipts, normalising a typed receipt', () => {
    const answers = resolveAnswers(
      {
        answers: [
          { target: { cluster: 'r1-3' }, verdict: 'adopted', text: '已采纳' },
          {
            target: { receipt: receipt.toLowerCase().replace(/-/g, ' ') },
            verdict: 'not_applicable',
            text: '与本决策无关',
          },
        ],
      },
      templates,
    );
    expect(answers).toEqual([
      { targetKind: 'cluster', targetId: 'r1-3', verdict: 'adopted', text: '已采纳', reason: null, templateId: null },
      {
        targetKind: 'opinion',
        targetId: receipt,
        verdict: 'not_applicable',
        text: '与本决策无关',
        reason: null,
        templateId: null,
      },
    ]);
  });

  it('gives every target of a selection the same answer, filled from the template unless overridden', () => {
    const answers = resolveAnswers(
      {
        selection: { clusters: ['r1-1', 'r1-2'], receipts: [receipt] },
        templateId: 'no-budget',
        reason: '财政预算已在年初确定，无法在本年度追加该项支出。',
      },
      templates,
    );
    expect(answers.map((a) => [a.targetKind, a.targetId, a.verdict, a.text, a.templateId])).toEqual([
      ['cluster', 'r1-1', 'not_adopted', template.text, 'no-budget'],
      ['cluster', 'r1-2', 'not_adopted', template.text, 'no-budget'],
      ['opinion', receipt, 'not_adopted', template.text, 'no-budget'],
    ]);
    expect(answers[0]!.reason).toContain('财政预算');
    const overridden = resolveAnswers(
      { answers: [{ target: { cluster: 'r1-1' }, templateId: 'no-budget', verdict: 'partially_adopted' }] },
      templates,
    );
    expect(overridden[0]).toMatchObject({ verdict: 'partially_adopted', text: template.text });
  });

  it('lists the templates a request refers to', () => {
    expect(
      templateIdsOf({
        answers: [
          { target: { cluster: 'a' }, templateId: 't1' },
          { target: { cluster: 'b' }, templateId: 't1' },
          { target: { cluster: 'c' } },
        ],
      }),
    ).toEqual(['t1']);
    expect(templateIdsOf({ selection: { clusters: ['a'] }, verdict: 'adopted', text: 'x' })).toEqual([]);
  });

  it.each<[string, AnswersRequest, string]>([
    ['no answers', { answers: [] }, 'ANSWERS_REQUIRED'],
    ['both forms', { answers: [], selection: { clusters: ['a'] } } as unknown as AnswersRequest, 'INVALID_ANSWERS'],
    ['neither form', {} as AnswersRequest, 'INVALID_ANSWERS'],
    [
      'answer fields beside a list of answers',
      { answers: [{ target: { cluster: 'a' }, text: 'x' }], verdict: 'adopted' },
      'INVALID_ANSWERS',
    ],
    [
      '1001 answers',
      { selection: { clusters: Array.from({ length: 1001 }, (_, i) => `c${i}`) }, verdict: 'adopted', text: 'x' },
      'TOO_MANY_ANSWERS',
    ],
    [
      'a target with both kinds',
      { answers: [{ target: { cluster: 'a', receipt }, verdict: 'adopted', text: 'x' }] },
      'INVALID_TARGET',
    ],
    ['a target with neither kind', { answers: [{ target: {}, verdict: 'adopted', text: 'x' }] }, 'INVALID_TARGET'],
    [
      'a mistyped receipt',
      {
        answers: [
          { target: { receipt: receipt.replace(/.$/, (c) => (c === '0' ? '1' : '0')) }, verdict: 'adopted', text: 'x' },
        ],
      },
      'INVALID_RECEIPT',
    ],
    [
      'a target named twice',
      { selection: { clusters: ['a', 'a'] }, verdict: 'adopted', text: 'x' },
      'DUPLICATE_TARGET',
    ],
    ['an unknown verdict', { answers: [{ target: { cluster: 'a' }, verdict: 'maybe', text: 'x' }] }, 'INVALID_VERDICT'],
    ['no verdict and no template', { answers: [{ target: { cluster: 'a' }, text: 'x' }] }, 'INVALID_VERDICT'],
    [
      'no text and no template',
      { answers: [{ target: { cluster: 'a' }, verdict: 'adopted', text: '  ' }] },
      'FIELD_REQUIRED',
    ],
    ['an unknown template', { answers: [{ target: { cluster: 'a' }, templateId: 'nope' }] }, 'TEMPLATE_NOT_FOUND'],
    [
      'a text over 5000 characters',
      { answers: [{ target: { cluster: 'a' }, verdict: 'adopted', text: '字'.repeat(5001) }] },
      'FIELD_TOO_LONG',
    ],
  ])('refuses %s', (_, request, code) => {
    expect(refusal(request)).toMatchObject({ code });
  });

  it('accepts exactly 1000 answers', () => {
    expect(
      resolveAnswers(
        { selection: { clusters: Array.from({ length: 1000 }, (_, i) => `c${i}`) }, verdict: 'adopted', text: 'x' },
        templates,
      ),
    ).toHaveLength(1000);
  });
});
