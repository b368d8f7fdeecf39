import { DomainError, InvalidCommandError } from '../../../../../libs/domain/src';
import { applicationStateAfter, readApplicationForm, toApplication } from './read-application-form';

describe('reading the disclosure application form', () => {
  it('takes each field as typed, repeated or missing fields as empty', () => {
    const { values, key } = readApplicationForm({ applicantName: '张三', phone: ['1', '2'], key: 'k1' });
    expect([values.applicantName, values.phone, values.email, key]).toEqual(['张三', '', '', 'k1']);
    expect(readApplicationForm(undefined).values.unit).toBe('');
  });

  it('gathers the contact fields into the contact of the application', () => {
    const { values } = readApplicationForm({ phone: '139', address: '某路1号', deliveryWay: 'post' });
    expect(toApplication(values)).toMatchObject({
      contact: { phone: '139', email: '', address: '某路1号' },
      deliveryWay: 'post',
    });
  });

  it('points a refusal at its field, a contact field at itself and the whole contact at the fieldset', () => {
    const typed = readApplicationForm({ applicantName: ' ', key: 'k' });
    const after = (details: Record<string, unknown>) =>
      applicationStateAfter(new InvalidCommandError('DISCLOSURE_FIELD_REQUIRED', 'x', details), 422, typed)?.error
        ?.field;
    expect(after({ field: 'applicantName' })).toBe('applicantName');
    expect(after({ field: 'contact.address' })).toBe('address');
    expect(after({ field: 'contact' })).toBe('contact');
    expect(after({})).toBeNull();
    expect(applicationStateAfter(new DomainError('RATE_LIMITED', 'rate_limited', 'slow'), 429, typed)).toMatchObject({
      values: typed.values,
      key: 'k',
      error: { code: 'RATE_LIMITED', status: 429, field: null },
    });
  });

  it('leaves an outage to the error page', () => {
    const typed = readApplicationForm({});
    expect(applicationStateAfter(new Error('connection refused'), 503, typed)).toBeNull();
    expect(
      applicationStateAfter(new DomainError('TEMPORAL_UNAVAILABLE', 'unavailable', 'down'), 503, typed),
    ).toBeNull();
  });
});
