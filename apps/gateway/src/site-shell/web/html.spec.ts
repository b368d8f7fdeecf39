import { attrs, html, raw } from './html';

describe('escaped HTML templates', () => {
  it('renders an opinion containing markup as text', () => {
    const opinion = `<script>alert(1)</script><img src=x onerror="alert('2')">&amp;\``;
    expect(html`<p>${opinion}</p>`.value).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(&#39;2&#39;)&quot;&gt;&amp;amp;&#96;</p>',
    );
  });

  it('escapes inside attribute values so a value cannot close its quotes', () => {
    expect(html`<a href="/decisions/${'x" onclick="alert(1)'}">`.value).toBe(
      '<a href="/decisions/x&quot; onclick=&quot;alert(1)">',
    );
    expect(attrs({ value: '"><script>', required: true, hidden: false, maxlength: 5 }).value).toBe(
      ' value="&quot;&gt;&lt;script&gt;" required maxlength="5"',
    );
  });

  it('inserts nested templates and raw markup as is, and drops null, undefined and false', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`${inner}${raw('<svg/>')}${null}${undefined}${false}${0}${['a', html`<br>`]}`.value).toBe(
      '<b>&lt;i&gt;</b><svg/>0a<br>',
    );
  });

  it('drops unicode bidi overrides, embeddings and isolates from user text so it cannot reorder the page', () => {
    // The reproduction: an opinion whose RLO turns "gpj.exe" around; every control U+202A–E, U+2066–9.
    const opinion = 'invoice\u202Egpj.exe \u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069 ok';
    expect(html`<p>${opinion}</p>`.value).toBe('<p>invoicegpj.exe  ok</p>');
    expect(attrs({ title: 'a\u202Eb' }).value).toBe(' title="ab"');
    expect(html`<p>${'עברית and 中文 mixed'}</p>`.value).toBe('<p>עברית and 中文 mixed</p>');
  });
});
