import type { DisclosureApplication } from './intake';
import { validateOnlineApplication } from './online-application';

const valid: DisclosureApplication = {
  applicantKind: 'natural_person',
  applicantName: '张三',
  idDocumentType: 'resident_id',
  idDocumentNumber: '11010519491231002X',
  contact: { phone: '13800000000' },
  informationDescription: '2025年本市公共停车场收费标准的核定文件',
  deliveryForm: 'electronic',
  deliveryWay: 'online',
};

const refusal = (change: Partial<DisclosureApplication>): unknown => {
  try {
    validateOnlineApplication({ ...valid, ...change });
    return undefined;
  } catch (error) {
    const { code, details } = error as { code: string; details?: { field?: string } };
    return [code, details?.field];
  }
};

describe('an application sent online', () => {
  it('accepts the fields of art.29 and checks a resident ID number by its check digit', () => {
    expect(refusal({})).toBeUndefined();
    expect(refusal({ idDocumentNumber: '110105 19491231 002x' })).toBeUndefined();
    expect(refusal({ idDocumentNumber: '110105194912310021' })).toEqual([
      'DISCLOSURE_FIELD_INVALID',
      'idDocumentNumber',
    ]);
    expect(refusal({ idDocumentType: 'passport', idDocumentNumber: 'E12345678' })).toBeUndefined();
  });

  it('names the missing field of art.29', () => {
    expect(refusal({ applicantName: ' ' })).toEqual(['DISCLOSURE_FIELD_REQUIRED', 'applicantName']);
    expect(refusal({ contact: {} })).toEqual(['DISCLOSURE_FIELD_REQUIRED', 'contact']);
    expect(refusal({ informationDescription: '' })).toEqual(['DISCLOSURE_FIELD_REQUIRED', 'informationDescription']);
  });

  it('refuses a value outside its list, a field too long, and a malformed e-mail or phone', () => {
    expect(refusal({ applicantKind: 'alien' as never })).toEqual(['DISCLOSURE_FIELD_INVALID', 'applicantKind']);
    expect(refusal({ deliveryWay: 'pigeon' as never })).toEqual(['DISCLOSURE_FIELD_INVALID', 'deliveryWay']);
    expect(refusal({ applicantName: '张'.repeat(101) })).toEqual(['DISCLOSURE_FIELD_INVALID', 'applicantName']);
    expect(refusal({ contact: { email: 'not-an-address' } })).toEqual(['DISCLOSURE_FIELD_INVALID', 'contact.email']);
    expect(refusal({ contact: { phone: 'call me' } })).toEqual(['DISCLOSURE_FIELD_INVALID', 'contact.phone']);
  });

  it('asks for the address or e-mail that the chosen way of delivery needs (art.29(3))', () => {
    expect(refusal({ deliveryWay: 'post' })).toEqual(['DISCLOSURE_FIELD_REQUIRED', 'contact.address']);
    expect(refusal({ deliveryWay: 'email' })).toEqual(['DISCLOSURE_FIELD_REQUIRED', 'contact.email']);
    expect(refusal({ deliveryWay: 'post', contact: { address: '北京市西城区某街1号' } })).toBeUndefined();
  });
});
