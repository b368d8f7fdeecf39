import type { PublicLogEntry } from '../../../../../libs/domain/src';
import { renderChanges } from './changes-page';
import { diffDocuments } from './document-diff';
import { choosePair, publicDocuments } from './document-versions';

let seq = 0;
const entry = (type: string, data: Record<string, unknown>): PublicLogEntry =>
  ({
    decisionId: 'd1',
    seq: ++seq,
    type,
    occurredAt: '2026-11-26T08:00:00.000Z',
    actor: { unit: 'unit-a', role: 'drafter' },
    data,
    prevHash: 'p',
    hash: 'h',
  }) as PublicLogEntry;

const A1 = '第一条 为规范公共停车收费，制定本办法。';
const A2 = '第二条 白天每小时收费五元。';
const A3 = '第三条 夜间停车实行包月优惠。';
const LOG = [
  entry('DecisionRegistered', { title: 't' }),
  entry('DraftPublished', { version: 1, draft: `${A1}\n${A2}`, basis: '', explanation: '' }),
  entry('DecisionReturned', { reason: '重新起草' }),
  entry('DraftPublished', { version: 3, draft: `${A1}\n${A3}`, basis: '', explanation: '' }),
  entry('DecisionPublished', { text: `${A1}\n${A3}新能源汽车首小时免费。` }),
];

function page(from?: string, to?: string, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const documents = publicDocuments(LOG);
  const chosen = choosePair(documents, from, to);
  const pair = chosen && { ...chosen, diff: diffDocuments(chosen.from.text, chosen.to.text) };
  return renderChanges({ locale, path: '/decisions/d1/changes', query: {} }, { decisionId: 'd1', documents, pair })
    .value;
}

describe('the Changes page', () => {
  it('offers only the published draft versions and the adopted text', () => {
    expect(publicDocuments(LOG).map((d) => d.key)).toEqual(['1', '3', 'adopted']);
  });

  it('compares the final draft with the adopted text when the query names nothing', () => {
    const html = page();
    expect(html).toContain('<option value="3" selected>第 3 稿');
    expect(html).toContain('<option value="adopted" selected>通过的决定文本');
    expect(html).toContain('从“第 3 稿”到“通过的决定文本”：新增 0 条（段），删除 0 条（段），修改 1 条（段）。');
  });

  it('marks an inserted and a deleted article with ins and del and words a screen reader says', () => {
    const html = page('1', '3');
    expect(html).toContain(`<del><span class="visually-hidden">［删除开始］</span>${A2}`);
    expect(html).toContain(`<ins><span class="visually-hidden">［新增开始］</span>${A3}`);
    expect(page('1', '3', 'en')).toContain(`<ins><span class="visually-hidden">[insertion start]</span>${A3}`);
  });

  it('refuses a version the decision has not published', () => {
    expect(() => page('2', '3')).toThrow(expect.objectContaining({ code: 'DOCUMENT_VERSION_NOT_FOUND' }));
    expect(() => page('1', 'final')).toThrow(expect.objectContaining({ code: 'DOCUMENT_VERSION_NOT_FOUND' }));
  });

  it('renders markup in a draft as text', () => {
    const documents = publicDocuments([
      entry('DraftPublished', { version: 1, draft: '<script>alert(1)</script>' }),
      entry('DraftPublished', { version: 2, draft: '<img src=x onerror=alert(2)>' }),
    ]);
    const chosen = choosePair(documents, undefined, undefined)!;
    const html = renderChanges(
      { locale: 'en', path: '/', query: {} },
      { decisionId: 'd1', documents, pair: { ...chosen, diff: diffDocuments(chosen.from.text, chosen.to.text) } },
    ).value;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
  });

  it('says there is nothing to compare before two texts are public', () => {
    expect(
      renderChanges({ locale: 'en', path: '/', query: {} }, { decisionId: 'd1', documents: [], pair: null }).value,
    ).toContain('nothing to compare');
  });
});
