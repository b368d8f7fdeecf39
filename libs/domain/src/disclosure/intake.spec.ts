import { deidentifyDocument, type DisclosureApplication, receivedDate, validateApplication } from './intake';

const application: DisclosureApplication = {
  applicantKind: 'natural_person',
  applicantName: '张三',
  idDocumentType: 'resident_id',
  idDocumentNumber: '11010519491231002X',
  contact: { phone: '13912345678' },
  informationDescription: '2026年某区老旧小区改造项目的资金安排文件',
  deliveryForm: 'electronic',
  deliveryWay: 'email',
};
const pepper = 'a-deployment-secret-of-32-chars!';

describe('intake of a request (arts. 29 and 31)', () => {
  it('accepts an application with every field of art.29, and names the first missing one', () => {
    expect(() => validateApplication(application)).not.toThrow();
    expect(() => validateApplication({ ...application, contact: {} })).toThrow(
      expect.objectContaining({ code: 'DISCLOSURE_FIELD_REQUIRED', details: { field: 'contact' } }) as Error,
    );
    expect(() => validateApplication({ ...application, informationDescription: '  ' })).toThrow(
      expect.objectContaining({ details: { field: 'informationDescription' } }) as Error,
    );
  });

  it('counts an online request from the confirmation, not the submission, in Shanghai time', () => {
    const evidence = { confirmedAt: new Date('2026-09-30T16:30:00Z'), handedInAt: new Date('2026-09-28T02:00:00Z') };
    expect(receivedDate('online', evidence)).toBe('2026-10-01');
    expect(receivedDate('in_person', evidence)).toBe('2026-09-28');
    expect(receivedDate('registered_post', { signedForAt: new Date('2026-10-09T01:00:00Z') })).toBe('2026-10-09');
    expect(() => receivedDate('registered_post', evidence)).toThrow(
      expect.objectContaining({ code: 'DISCLOSURE_RECEIPT_EVIDENCE_REQUIRED' }) as Error,
    );
  });

  it('keeps only the last four characters and a peppered hash of an identity number', () => {
    const stored = deidentifyDocument('resident_id', '110105 19491231 002x', pepper);
    expect(stored.lastFour).toBe('002X');
    expect(JSON.stringify(stored)).not.toContain('19491231');
    expect(stored.keyedHash).toBe(deidentifyDocument('resident_id', '11010519491231002X', pepper).keyedHash);
    expect(stored.keyedHash).not.toBe(deidentifyDocument('resident_id', '11010519491231002X', `${pepper}x`).keyedHash);
    expect(() => deidentifyDocument('resident_id', '1', 'short')).toThrow(/pepper/);
  });
});
