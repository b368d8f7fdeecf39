import { ERROR_CODES } from '../../../../../libs/domain/src/errors/error-codes';
import { problemText } from './error-messages';
import '../console/rule-texts';
import { emptyOpinionForm, renderOpinionForm } from '../../public/submit-opinion/opinion-form';

describe('the words a page shows for a problem', () => {
  it('are the catalogue’s in the page’s language', () => {
    expect(problemText('CONSULTATION_NOT_OPEN', 409, 'zh-CN')).toBe(ERROR_CODES.CONSULTATION_NOT_OPEN.zh);
    expect(problemText('CONSULTATION_NOT_OPEN', 409, 'en')).toBe(ERROR_CODES.CONSULTATION_NOT_OPEN.en);
  });

  it('fall back to the status’s words for a code outside the catalogue', () => {
    expect(problemText('NO_SUCH_CODE', 404, 'zh-CN')).toBe(ERROR_CODES.NOT_FOUND.zh);
    expect(problemText('NO_SUCH_CODE', 418, 'en')).toBe(ERROR_CODES.INTERNAL.en);
  });

  it('stay a page’s own: the opinion form’s words for INVALID_TEXT never reach another page, loaded in any order', () => {
    const form = emptyOpinionForm();
    const html = renderOpinionForm(
      '/decisions/d-1',
      { ...form, error: { code: 'INVALID_TEXT', status: 422, field: 'text' } },
      'zh-CN',
    ).toString();
    expect(html).toContain('意见内容含有无法识别的字符');
    expect(problemText('INVALID_TEXT', 422, 'zh-CN')).toBe(ERROR_CODES.INVALID_TEXT.zh);
    expect(ERROR_CODES.INVALID_TEXT.zh).not.toContain('意见内容含有无法识别的字符');
  });
});
