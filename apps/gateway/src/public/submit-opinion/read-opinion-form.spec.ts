import { DomainError, InvalidCommandError } from '../../../../../libs/domain/src';
import { formStateAfter, readOpinionForm, toOpinionInput } from './read-opinion-form';

describe('reading the opinion form', () => {
  it('takes each field as typed and treats missing or repeated fields as empty', () => {
    expect(readOpinionForm({ text: ' 建议 ', section: ['a', 'b'], key: 'k1' })).toEqual({
      values: { text: ' 建议 ', section: '', name: '', phone: '', email: '' },
      key: 'k1',
    });
    expect(readOpinionForm(undefined).values.text).toBe('');
  });

  it('leaves out empty optional fields and an all-empty contact', () => {
    expect(toOpinionInput({ text: '建议', section: '  ', name: '', phone: ' ', email: '' })).toEqual({
      text: '建议',
      section: undefined,
      contact: undefined,
    });
    expect(toOpinionInput({ text: '建议', section: '第三条', name: '张三', phone: '', email: '' })).toEqual({
      text: '建议',
      section: '第三条',
      contact: { name: '张三', phone: undefined, email: undefined },
    });
  });

  it('keeps what was typed and points at the field the refusal is about', () => {
    const typed = { values: { text: 'x', section: '第三条', name: '张三', phone: '', email: '' }, key: 'k1' };
    expect(formStateAfter(new InvalidCommandError('OPINION_TOO_LONG', 'long'), 422, typed)).toEqual({
      ...typed,
      error: { code: 'OPINION_TOO_LONG', status: 422, field: 'text' },
    });
    expect(
      formStateAfter(new InvalidCommandError('INVALID_FIELD', 'x', { field: 'contact.phone' }), 422, typed)?.error
        ?.field,
    ).toBe('contact');
    expect(
      formStateAfter(new InvalidCommandError('INVALID_FIELD', 'x', { field: 'section' }), 422, typed)?.error?.field,
    ).toBe('section');
    expect(formStateAfter(new DomainError('CONSULTATION_NOT_OPEN', 'conflict', 'closed'), 409, typed)?.error).toEqual({
      code: 'CONSULTATION_NOT_OPEN',
      status: 409,
      field: null,
    });
    expect(formStateAfter(new DomainError('RATE_LIMITED', 'rate_limited', 'slow down'), 429, typed)).toEqual({
      ...typed,
      error: { code: 'RATE_LIMITED', status: 429, field: null },
    });
  });

  it('leaves an unknown decision or an outage to the error page', () => {
    const typed = { values: { text: 'x', section: '', name: '', phone: '', email: '' }, key: 'k' };
    expect(formStateAfter(new DomainError('DECISION_NOT_FOUND', 'not_found', 'no'), 404, typed)).toBeNull();
    expect(formStateAfter(new Error('connection refused'), 503, typed)).toBeNull();
  });
});
