import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../../../../../libs/runtime/src';
import { loggableUrl } from '../../common/log-redaction';
import { toProblem } from '../../common/problem.filter';
import { LOGGER } from '../../common/tokens';
import { problemText } from './error-messages';
import { html } from './html';
import { colon, defineMessages } from './i18n';
import { renderPage } from './layout';
import { pageContext, sendHtml } from './page-context';

const M = defineMessages(
  { title: '出错了', code: '错误代码', home: '返回首页' },
  { title: 'Something went wrong', code: 'Error code', home: 'Back to the home page' },
);

/**
 * Errors on pages become pages: the same status and code as the API (through `toProblem`, the one
 * mapping), in plain words of the visitor's language. Use with `@UseFilters(HtmlErrorFilter)` on page
 * controllers; API controllers keep problem+json.
 */
@Catch()
export class HtmlErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly log: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { problem, unexpected } = toProblem(error);
    if (unexpected) this.log.error('page failed', { method: request.method, url: loggableUrl(request.url), error });
    const context = pageContext(request, reply);
    const m = M[context.locale];
    const page = renderPage(context, {
      title: m.title,
      main: html`<h1>${m.title}</h1>
<p class="notice notice--error" role="alert">${problemText(problem.code, problem.status, context.locale)}</p>
<p class="muted">${m.code}${colon(context.locale)}<code>${problem.code}</code></p>
<p><a href="/">${m.home}</a></p>`,
    });
    void sendHtml(request, reply, page, { cache: 'private', status: problem.status });
  }
}
