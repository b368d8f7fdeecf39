import { cardTables } from './card-table';
import { html, type Html } from './html';
import { defineMessages, type Locale } from './i18n';
import type { PageContext } from './page-context';
import { ICP_FILING_URL } from './site-identity';

const M = defineMessages(
  {
    site: '开放决策',
    tagline: '重大行政决策全过程公开',
    skip: '跳到主要内容',
    navHome: '首页',
    navCatalogue: '决策目录',
    navReceipt: '回执查询',
    navVerify: '日志验证',
    navConsole: '工作台',
    navDisclosure: '依申请公开',
    navMain: '主导航',
    switchTo: 'English',
    feeds: '订阅（Atom）',
    feedAll: '全部决策动态',
    openData: '数据开放',
    decisionsJson: '决策事项（JSON）',
    opinionsCsv: '公开意见（CSV）',
    opinionsJson: '公开意见（JSON）',
    disclosureReports: '政府信息公开工作年度报告',
    disclosureTimeliness: '依申请公开办理时效（JSON）',
    footerNote: '所有公开步骤均写入可验证的哈希链日志。时间为北京时间。',
    apiDocs: '接口文档',
    about: '网站信息',
    hostBody: '主办单位：',
    contact: '联系方式：',
    siteCode: '网站标识码：',
    icpFiling: 'ICP备案号：',
    accessibility: '无障碍声明',
    largeTextOn: '大字版',
    largeTextOff: '标准字号',
  },
  {
    site: 'Open Decision',
    tagline: 'Major administrative decisions, in the open',
    skip: 'Skip to main content',
    navHome: 'Home',
    navCatalogue: 'Catalogue',
    navReceipt: 'Receipt lookup',
    navVerify: 'Verify the log',
    navConsole: 'Staff console',
    navDisclosure: 'Disclosure requests',
    navMain: 'Main navigation',
    switchTo: '中文',
    feeds: 'Feeds (Atom)',
    feedAll: 'All decisions',
    openData: 'Open data',
    decisionsJson: 'Decisions (JSON)',
    opinionsCsv: 'Published opinions (CSV)',
    opinionsJson: 'Published opinions (JSON)',
    disclosureReports: 'Annual disclosure reports',
    disclosureTimeliness: 'Timeliness of disclosure requests (JSON)',
    footerNote: 'Every public step is written to a verifiable hash-chained log. Times are China Standard Time.',
    apiDocs: 'API documentation',
    about: 'About this site',
    hostBody: 'Hosted by: ',
    contact: 'Contact: ',
    siteCode: 'Site identification code: ',
    icpFiling: 'ICP filing: ',
    accessibility: 'Accessibility statement',
    largeTextOn: 'Larger text',
    largeTextOff: 'Standard text',
  },
);

export interface PageContent {
  /** The page's own title (the site name is appended). */
  title: string;
  main: Html;
  /** Extra `<head>` content, e.g. a decision's own feed link or a page script. */
  head?: Html;
  /** Which navigation the header shows. */
  area?: 'public' | 'console';
  /** Console pages put the signed-in account and the sign-out form here. */
  headerExtra?: Html;
}

/** The same page with `key=value` (the rest of the query is kept, a one-time `text=` switch dropped). */
function samePageWith(context: PageContext, key: string, value: string): string {
  const params = new URLSearchParams();
  for (const [name, given] of Object.entries(context.query))
    if (name !== key && name !== 'text' && typeof given === 'string') params.set(name, given);
  params.set(key, value);
  return `${context.path}?${params.toString()}`;
}

/** A link to the same page in the other language (the rest of the query is kept). */
export function languageSwitchHref(context: PageContext): string {
  const other: Locale = context.locale === 'zh-CN' ? 'en' : 'zh-CN';
  return samePageWith(context, 'lang', other);
}

/** A link to the same page in large-text mode, or back to standard text (a cookie remembers it, ADR 91). */
export function textSizeHref(context: PageContext): string {
  return samePageWith(context, 'text', context.largeText ? 'normal' : 'large');
}

/**
 * The footer's identity lines (ADR 91): hosting body, contact, site identification code and the ICP
 * filing number linked to the MIIT filing system, each left out when not set, and the accessibility
 * statement, always.
 */
function siteIdentity(context: PageContext, m: (typeof M)['en']): Html {
  const site = context.site ?? {};
  const hostBody = context.locale === 'en' ? (site.hostBodyEn ?? site.hostBody) : site.hostBody;
  const line = (label: string, value: string | undefined): Html | '' => (value ? html`<li>${label}${value}</li>` : '');
  return html`<section class="site-identity" aria-label="${m.about}"><h2>${m.about}</h2><ul>
${line(m.hostBody, hostBody)}${line(m.contact, site.contact)}${line(m.siteCode, site.siteCode)}${
    site.icpFiling
      ? html`<li>${m.icpFiling}<a href="${ICP_FILING_URL}" rel="noopener noreferrer">${site.icpFiling}</a></li>`
      : ''
  }<li><a href="/accessibility">${m.accessibility}</a></li>
</ul></section>`;
}

/**
 * The whole document: header with navigation, the text-size and language switches, main, footer with
 * feeds, open data and the site's identity.
 */
export function renderPage(context: PageContext, content: PageContent): Html {
  const m = M[context.locale];
  const current = (href: string): string | undefined => (context.path === href ? 'page' : undefined);
  const navLink = (href: string, label: string): Html =>
    html`<li><a href="${href}"${current(href) ? html` aria-current="page"` : ''}>${label}</a></li>`;
  const nav =
    content.area === 'console'
      ? html`${navLink('/console', m.navConsole)}${navLink('/console/disclosure', m.navDisclosure)}${navLink('/', m.navHome)}`
      : html`${navLink('/', m.navHome)}${navLink('/decisions', m.navCatalogue)}${navLink('/receipts', m.navReceipt)}${navLink('/verify', m.navVerify)}`;
  return html`<!doctype html>
<html lang="${context.locale}"${context.largeText ? html` class="large-text"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${content.title} · ${m.site}</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/site.css">
<link rel="alternate" type="application/atom+xml" title="${m.feedAll}" href="/feeds/decisions.atom">
${content.head ?? ''}
</head>
<body>
<a class="skip-link" href="#main">${m.skip}</a>
<header class="site-header">
<div class="site-header__inner">
<a class="site-name" href="/">${m.site}<span class="site-tagline">${m.tagline}</span></a>
<nav aria-label="${m.navMain}"><ul class="nav">${nav}</ul></nav>
<div class="header-tools">${content.headerExtra ?? ''}<a class="text-size" href="${textSizeHref(context)}">${context.largeText ? m.largeTextOff : m.largeTextOn}</a><a class="lang-switch" href="${languageSwitchHref(context)}" lang="${context.locale === 'zh-CN' ? 'en' : 'zh-CN'}">${m.switchTo}</a></div>
</div>
</header>
<main id="main" tabindex="-1">
${cardTables(content.main)}
</main>
<footer class="site-footer">
<div class="site-footer__inner">
<section aria-label="${m.feeds}"><h2>${m.feeds}</h2><ul><li><a href="/feeds/decisions.atom">${m.feedAll}</a></li></ul></section>
<section aria-label="${m.openData}"><h2>${m.openData}</h2><ul>
<li><a href="/api/v1/public/export/decisions.json">${m.decisionsJson}</a></li>
<li><a href="/api/v1/public/export/opinions.csv">${m.opinionsCsv}</a></li>
<li><a href="/api/v1/public/export/opinions.json">${m.opinionsJson}</a></li>
<li><a href="/api/v1/public/export/disclosure-timeliness.json">${m.disclosureTimeliness}</a></li>
<li><a href="/disclosure/reports">${m.disclosureReports}</a></li>
<li><a href="/api/docs">${m.apiDocs}</a></li>
</ul></section>
${siteIdentity(context, m)}
<p class="footer-note">${m.footerNote}</p>
</div>
</footer>
</body>
</html>`;
}
