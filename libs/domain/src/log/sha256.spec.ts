import { createHash } from 'node:crypto';
import { pureSha256Hex as sha256Hex } from './sha256';

const node = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the pure sha256 the browser verifier uses', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it.each([
    ['every length around the block and padding edges', Array.from({ length: 140 }, (_, n) => 'a'.repeat(n))],
    ['Chinese, emoji and mixed scripts', ['关于调整养老金的决定', '意见👍🏽建议', 'é\u0301 ß Ω ∑ 𝔸', '\n\t"{}"']],
    ['lone surrogates (encoded as U+FFFD like node:crypto)', ['a\uD800b', '\uDC00', 'x\uD83D']],
  ])('equals node:crypto on %s', (_name, inputs) => {
    for (const input of inputs) expect(sha256Hex(input)).toBe(node(input));
  });

  it('equals node:crypto on a log entry hash input of a few kilobytes', () => {
    const input = `${'0'.repeat(64)}\n${JSON.stringify({ data: { draft: '第一条 '.repeat(800) }, seq: 1 })}`;
    expect(sha256Hex(input)).toBe(node(input));
  });
});
