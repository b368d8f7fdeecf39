import { OUTCOME_KEYS, OUTCOMES } from './outcomes';
import { standardReplyText, STANDARD_REMEDY_NOTICE, validateReply } from './reply';

const reasons = '涉及第三方商业秘密，经书面征求意见，第三方不同意公开。';

describe('standard replies and what a reply must say', () => {
  it('covers the 21 outcome rows of the annual report, in six groups', () => {
    expect(OUTCOME_KEYS).toHaveLength(21);
    const groups = OUTCOME_KEYS.map((key) => OUTCOMES[key].group);
    expect(groups.filter((g) => g === 'withheld')).toHaveLength(8);
    expect(new Set(groups).size).toBe(6);
  });

  it('gives one standard text per outcome, citing its article and the remedy notice', () => {
    for (const outcome of OUTCOME_KEYS) {
      const text = standardReplyText(outcome);
      expect(text).toContain(STANDARD_REMEDY_NOTICE);
      if (OUTCOMES[outcome].article !== '—') expect(text).toContain(OUTCOMES[outcome].article);
    }
    expect(standardReplyText('needs_creation')).toContain('第三十八条');
  });

  it('refuses a withholding reply without reasons', () => {
    expect(() => validateReply({ outcome: 'withheld_third_party', remedyNotice: STANDARD_REMEDY_NOTICE })).toThrow(
      expect.objectContaining({ code: 'DISCLOSURE_REASONS_REQUIRED' }) as Error,
    );
    expect(() => validateReply({ outcome: 'disclosed', remedyNotice: STANDARD_REMEDY_NOTICE })).not.toThrow();
  });

  it('refuses a not-held reply that omits a competent agency it knows (art.36(5))', () => {
    const draft = { outcome: 'not_held' as const, reasons, remedyNotice: STANDARD_REMEDY_NOTICE };
    expect(() => validateReply({ ...draft, competentAgencyKnown: true })).toThrow(
      expect.objectContaining({ code: 'DISCLOSURE_COMPETENT_AGENCY_REQUIRED' }) as Error,
    );
    expect(() => validateReply({ ...draft, competentAgencyKnown: false })).not.toThrow();
    const named = { ...draft, competentAgencyKnown: true, competentAgency: { name: '某市自然资源局' } };
    expect(() => validateReply(named)).not.toThrow();
  });

  it('refuses any reply without the remedy notice (art.51)', () => {
    expect(() => validateReply({ outcome: 'withheld_process', reasons, remedyNotice: ' ' })).toThrow(
      expect.objectContaining({ code: 'DISCLOSURE_REMEDY_NOTICE_REQUIRED' }) as Error,
    );
  });
});
