import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Logger } from '../../../../../../libs/runtime/src';
import { LOGGER } from '../../../common/tokens';
import { HtmlErrorFilter } from '../../web/html-error.filter';
import { SignInRequiredError } from './console-session.guard';

/**
 * Console pages: a missing or expired session redirects to sign-in with the page as return path (303, so
 * a POST becomes a GET); every other error is an HTML error page like the public site's.
 */
@Catch()
export class ConsoleErrorFilter implements ExceptionFilter {
  private readonly pages: HtmlErrorFilter;

  constructor(@Inject(LOGGER) log: Logger) {
    this.pages = new HtmlErrorFilter(log);
  }

  catch(error: unknown, host: ArgumentsHost): void {
    if (error instanceof SignInRequiredError) {
      const reply = host.switchToHttp().getResponse<FastifyReply>();
      void reply
        .header('cache-control', 'no-store')
        .redirect(`/console/login?next=${encodeURIComponent(error.returnPath)}`, 303);
      return;
    }
    this.pages.catch(error, host);
  }
}
