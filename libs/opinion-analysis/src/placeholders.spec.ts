import { isPlaceholderLetters } from './placeholders';

const letters = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{Co}]/gu, '');

describe('placeholders', () => {
  it.each([
    '见附件',
    '详见附件。',
    '请参阅附件2',
    '同上',
    '无',
    '没有意见',
    'see attached',
    'Please see the attached file.',
    '……',
    '\ue000\ue002',
  ])('recognises %s', (text) => expect(isPlaceholderLetters(letters(text))).toBe(true));

  it.each(['同意', '反对', '无异议但建议延期', '附件中的第三条应当删除', 'I support the bike lane'])(
    'does not take %s for one',
    (text) => expect(isPlaceholderLetters(letters(text))).toBe(false),
  );
});
