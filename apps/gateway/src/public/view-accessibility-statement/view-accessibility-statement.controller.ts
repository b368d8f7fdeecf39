import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from '../../site-shell/web/html';
import { HtmlErrorFilter } from '../../site-shell/web/html-error.filter';
import { defineMessages } from '../../site-shell/web/i18n';
import { renderPage } from '../../site-shell/web/layout';
import { pageContext, sendHtml } from '../../site-shell/web/page-context';

const M = defineMessages(
  {
    title: '无障碍声明',
    intro:
      '本网站面向所有公众，包括视力、听力、肢体或认知障碍人士和老年人。我们以《Web内容无障碍指南》（WCAG）2.1 AA级和 GB/T 37668—2019《信息技术 互联网内容无障碍可访问性技术要求与测试方法》为目标，并参照《互联网网站适老化通用设计规范》。',
    doneH: '已采取的措施',
    noScript: '所有页面不依赖 JavaScript 即可阅读、检索、提交意见和查询回执。',
    keyboard: '可以只用键盘操作：每页开头有“跳到主要内容”链接，焦点位置清晰可见。',
    largeText: '页头的“大字版”链接放大全站文字并保持版面可用；选择会被记住，点击“标准字号”即可恢复。',
    language: '每页都标明语言，可以在中文和英文之间切换。',
    contrast: '文字与背景的颜色对比度符合 AA 级要求；图表另附文字说明和表格。',
    phones: '页面同时为手机屏幕排版：手机上不需要左右滚动，表格显示为卡片，进度图显示为文字和进度条，日期不会断行。',
    tested: '自动化测试用 axe 在真实浏览器中检查各类公开页面（包括大字版）。',
    limitsH: '已知的不足',
    limits: '决策文件的附件由发布机关提供，扫描件可能无法被读屏软件朗读；如需文字版本，请与我们联系。',
    contactH: '反馈',
    contact: '如在使用中遇到障碍，请通过页脚的联系方式告诉我们，我们将尽快答复并改进。',
    contactNone: '如在使用中遇到障碍，请通过决策页面的意见表或发布机关公布的联系方式告诉我们。',
  },
  {
    title: 'Accessibility statement',
    intro:
      'This site is for everyone, including people with visual, hearing, motor or cognitive disabilities and older readers. It aims at the Web Content Accessibility Guidelines (WCAG) 2.1 level AA and GB/T 37668-2019 (accessibility of Internet content), and follows the MIIT guidelines for age-friendly websites.',
    doneH: 'What we do',
    noScript:
      'Every page can be read, searched, sent an opinion from and used to look up a receipt without JavaScript.',
    keyboard:
      'Everything works with a keyboard: each page starts with a "Skip to main content" link and shows where the focus is.',
    largeText:
      'The "Larger text" link in the header enlarges the text of the whole site and keeps the layout usable; the choice is remembered, and "Standard text" turns it off.',
    language: 'Every page states its language and links to the same page in Chinese or English.',
    contrast:
      'Text and background colours meet the AA contrast ratio; charts come with a text description and a table.',
    phones:
      'Pages are laid out for phone screens too: nothing scrolls sideways, tables show as cards, the progress chart as text and bars, and dates never break across lines.',
    tested: 'Automated tests check each type of public page with axe in a real browser, large-text mode included.',
    limitsH: 'Known limitations',
    limits:
      'Attachments to a decision are provided by the issuing body; a scanned file may not be read aloud by a screen reader. Ask us for a text version.',
    contactH: 'Feedback',
    contact:
      'If something on this site is hard to use, tell us through the contact in the footer; we will answer and fix it.',
    contactNone:
      "If something on this site is hard to use, tell us through a decision page's opinion form or the issuing body's published contact.",
  },
);

@ApiExcludeController()
@Controller()
@UseFilters(HtmlErrorFilter)
export class ViewAccessibilityStatementController {
  /** The accessibility statement (无障碍声明, ADR 91), linked from every page's footer. */
  @Get('accessibility')
  async statement(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const context = pageContext(request, reply);
    const m = M[context.locale];
    const main = html`<h1>${m.title}</h1><p>${m.intro}</p>
<section aria-labelledby="done-h"><h2 id="done-h">${m.doneH}</h2><ul>
<li>${m.noScript}</li><li>${m.keyboard}</li><li>${m.largeText}</li><li>${m.language}</li><li>${m.contrast}</li><li>${m.phones}</li><li>${m.tested}</li>
</ul></section>
<section aria-labelledby="limits-h"><h2 id="limits-h">${m.limitsH}</h2><p>${m.limits}</p></section>
<section aria-labelledby="contact-h"><h2 id="contact-h">${m.contactH}</h2><p>${context.site?.contact ? m.contact : m.contactNone}</p></section>`;
    await sendHtml(request, reply, renderPage(context, { title: m.title, main }), { cache: 'public' });
  }
}
