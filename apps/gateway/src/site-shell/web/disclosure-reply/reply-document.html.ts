import { html, type Html } from '../html';
import { type ReplyDocument, replyParagraphs } from './reply-document';

/** The reply document as an article (the console shows it inside its page; the API wraps it alone). */
export function replyArticle(doc: ReplyDocument): Html {
  const { heading, lines, closing } = replyParagraphs(doc);
  return html`<article class="reply-document" lang="zh-CN"><h2>${heading}</h2>
${lines.map((line) => html`<p>${line}</p>`)}
<p class="reply-document__closing">${closing.map((line, i) => html`${i ? html`<br>` : ''}${line}`)}</p></article>`;
}

/** The document on its own, for the applicant (`GET …/reply-document.html`): no script, no style. */
export function standaloneReplyHtml(doc: ReplyDocument): Html {
  const { heading } = replyParagraphs(doc);
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${heading} ${doc.receipt}</title></head>
<body><main>${replyArticle(doc)}</main></body></html>`;
}
