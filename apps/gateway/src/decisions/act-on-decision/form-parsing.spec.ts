import { ACTIONS, DomainError } from '../../../../../libs/domain/src';
import { ACTION_FORMS, REGISTER_FORM } from './action-fields';
import { beijingToIso, isoToBeijingLocal, parseActionForm } from './form-parsing';

const fieldsOf = (action: string) => ACTION_FORMS[action]!.fields;

describe('urlencoded forms become action bodies', () => {
  it('has a form for every action of ACTIONS, and no form for an action that does not exist', () => {
    expect(Object.keys(ACTION_FORMS).sort()).toEqual(ACTIONS.map((a) => a.name).sort());
  });

  it('reads a datetime-local value as China Standard Time', () => {
    expect(beijingToIso('2027-01-10T08:30', 'opensAt')).toBe('2027-01-10T00:30:00.000Z');
    expect(beijingToIso('2027-01-10T08:30:15', 'opensAt')).toBe('2027-01-10T00:30:15.000Z');
    expect(beijingToIso('2027-01-10 08:30', 'due')).toBe('2027-01-10T00:30:00.000Z');
    expect(beijingToIso('2027-01-10', 'due')).toBe('2027-01-09T16:00:00.000Z');
    expect(isoToBeijingLocal('2027-01-10T00:30:00.000Z')).toBe('2027-01-10T08:30');
  });

  it('refuses a date it cannot read, naming the field', () => {
    const attempt = () => beijingToIso('10/01/2027', 'closesAt');
    expect(attempt).toThrow(DomainError);
    expect(() => parseActionForm(fieldsOf('extend'), { closesAt: 'tomorrow', reason: 'x' })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', details: { field: 'closesAt' } }),
    );
  });

  it('turns the consultation plan into channels, instants and an optional reason', () => {
    const body = parseActionForm(fieldsOf('consultation-plan'), {
      _csrf: 't',
      channels: ['online', 'symposium'],
      opensAt: '2027-01-10T08:00',
      closesAt: '2027-02-10T08:00',
      shortenedReason: '',
    });
    expect(body).toEqual({
      channels: ['online', 'symposium'],
      opensAt: '2027-01-10T00:00:00.000Z',
      closesAt: '2027-02-10T00:00:00.000Z',
    });
    expect(parseActionForm(fieldsOf('consultation-plan'), { channels: 'online' })['channels']).toEqual(['online']);
    expect(parseActionForm(fieldsOf('consultation-plan'), {})['channels']).toEqual([]);
  });

  it('leaves out empty optional fields so the rule sees what the API would, and keeps required ones for the rule to name', () => {
    expect(parseActionForm(fieldsOf('legality-review-request'), { dueAt: '' })).toEqual({});
    expect(parseActionForm(fieldsOf('return'), { reviewId: 'r1', reason: '   ' })).toEqual({ reviewId: 'r1' });
  });

  it('reads checkboxes, numbers and one-per-line lists', () => {
    expect(
      parseActionForm(fieldsOf('expert-opinions'), {
        expert: '王教授',
        opinion: 'o',
        conflictOfInterestDeclaration: 'd',
        hasDirectInterest: 'true',
      })['hasDirectInterest'],
    ).toBe(true);
    expect(parseActionForm(fieldsOf('expert-opinions'), { expert: '王教授' })['hasDirectInterest']).toBe(false);
    expect(parseActionForm(fieldsOf('progress-reports'), { milestoneId: 'm1', percent: '50', narrative: 'n' })).toEqual(
      { milestoneId: 'm1', percent: 50, narrative: 'n' },
    );
    expect(
      parseActionForm(fieldsOf('hearings'), { participants: ' 居民代表 \r\n\r\n企业代表\n' })['participants'],
    ).toEqual(['居民代表', '企业代表']);
    expect(parseActionForm(fieldsOf('channel-records'), { opinions: '建议一\n建议二' })['opinions']).toEqual([
      { text: '建议一' },
      { text: '建议二' },
    ]);
  });

  it('reads milestones and Q&A written one per line with "|" and nests interpretation fields', () => {
    const body = parseActionForm(fieldsOf('publish-decision'), {
      text: '决定',
      'interpretation.plainLanguage': '解读',
      'interpretation.qa': '夜间收费吗？ | 每小时1元。',
      milestones: '改造系统 | unit-a | 2027-06-30 | 2\n宣传 | unit-b | 2027-07-01 09:00 | 1.5',
      evaluationDueAt: '2029-01-01T00:00',
    });
    expect(body['interpretation']).toEqual({
      plainLanguage: '解读',
      qa: [{ question: '夜间收费吗？', answer: '每小时1元。' }],
    });
    expect(body['milestones']).toEqual([
      { title: '改造系统', unit: 'unit-a', dueAt: '2027-06-29T16:00:00.000Z', weight: 2 },
      { title: '宣传', unit: 'unit-b', dueAt: '2027-07-01T01:00:00.000Z', weight: 1.5 },
    ]);
  });

  it('refuses a milestone line without its four parts, naming the line', () => {
    expect(() => parseActionForm(fieldsOf('milestones'), { milestones: '改造系统 | unit-a | 2027-06-30' })).toThrow(
      expect.objectContaining({ code: 'INVALID_LINE', details: { field: 'milestones', line: 1, columns: 4 } }),
    );
  });

  it('reads milestones from the row editor into the same body, skipping rows left empty', () => {
    const body = {
      'milestones[0][title]': '改造系统',
      'milestones[0][unit]': 'unit-a',
      'milestones[0][dueAt]': '2027-06-30',
      'milestones[0][weight]': '2',
      'milestones[1][title]': '',
      'milestones[1][unit]': '',
      'milestones[1][dueAt]': '',
      'milestones[1][weight]': '',
      'milestones[2][title]': '宣传',
      'milestones[2][unit]': 'unit-b',
      'milestones[2][dueAt]': '2027-07-01T09:00',
      'milestones[2][weight]': '1.5',
    };
    expect(parseActionForm(fieldsOf('milestones'), body)['milestones']).toEqual([
      { title: '改造系统', unit: 'unit-a', dueAt: '2027-06-29T16:00:00.000Z', weight: 2 },
      { title: '宣传', unit: 'unit-b', dueAt: '2027-07-01T01:00:00.000Z', weight: 1.5 },
    ]);
  });

  it('refuses a row filled in part, naming the row', () => {
    const body = { 'milestones[1][title]': '宣传', 'milestones[1][unit]': 'unit-a', 'milestones[1][weight]': '1' };
    expect(() => parseActionForm(fieldsOf('milestones'), body)).toThrow(
      expect.objectContaining({ code: 'INVALID_ROW', details: { field: 'milestones', row: 2 } }),
    );
  });

  it('builds a registration with booleans and planned dates', () => {
    expect(
      parseActionForm(REGISTER_FORM.fields, {
        title: 't',
        summary: 's',
        unit: 'unit-a',
        category: 'c',
        riskAssessmentRequired: 'true',
        'plannedDates.decisionBy': '2027-03-01',
      }),
    ).toEqual({
      title: 't',
      summary: 's',
      unit: 'unit-a',
      category: 'c',
      confidential: false,
      riskAssessmentRequired: true,
      plannedDates: { decisionBy: '2027-03-01' },
    });
  });
});
