import { html } from './html';
import { languageSwitchHref, renderPage, textSizeHref } from './layout';
import type { PageContext } from './page-context';

const page = (context: Partial<PageContext>): string =>
  renderPage(
    { locale: 'zh-CN', path: '/decisions', query: {}, ...context },
    { title: '决策目录', main: html`<h1>决策目录</h1>` },
  ).value;

describe('the page layout', () => {
  it('states the site identity in the footer, each line only when set, the filing number linked to MIIT', () => {
    const bare = page({});
    expect(bare).not.toContain('主办单位');
    expect(bare).not.toContain('ICP');
    expect(bare).toContain('<a href="/accessibility">无障碍声明</a>');
    const full = page({
      site: {
        hostBody: '某市人民政府办公室',
        contact: '010-12345678',
        siteCode: '1100000088',
        icpFiling: '京ICP备12345678号-1',
      },
    });
    expect(full).toContain('<li>主办单位：某市人民政府办公室</li>');
    expect(full).toContain('<li>联系方式：010-12345678</li>');
    expect(full).toContain('<li>网站标识码：1100000088</li>');
    expect(full).toContain(
      'ICP备案号：<a href="https://beian.miit.gov.cn/" rel="noopener noreferrer">京ICP备12345678号-1</a>',
    );
    const english = page({
      locale: 'en',
      site: { hostBody: '某市人民政府办公室', hostBodyEn: 'City Government Office' },
    });
    expect(english).toContain('<li>Hosted by: City Government Office</li>');
    expect(english).toContain('<a href="/accessibility">Accessibility statement</a>');
    expect(page({ locale: 'en', site: { hostBody: '某市人民政府办公室' } })).toContain(
      '<li>Hosted by: 某市人民政府办公室</li>',
    );
  });

  it('marks large-text mode on <html> and links to the same page in the other text size and language', () => {
    expect(page({})).toContain('<html lang="zh-CN">');
    expect(page({ largeText: true })).toContain('<html lang="zh-CN" class="large-text">');
    const context: PageContext = { locale: 'zh-CN', path: '/decisions', query: { q: '停车', text: 'large' } };
    expect(textSizeHref(context)).toBe('/decisions?q=%E5%81%9C%E8%BD%A6&text=large');
    expect(textSizeHref({ ...context, largeText: true })).toBe('/decisions?q=%E5%81%9C%E8%BD%A6&text=normal');
    expect(languageSwitchHref(context)).toBe('/decisions?q=%E5%81%9C%E8%BD%A6&lang=en');
    expect(page({ largeText: true })).toContain('>标准字号</a>');
    expect(page({})).toContain('>大字版</a>');
  });
});
