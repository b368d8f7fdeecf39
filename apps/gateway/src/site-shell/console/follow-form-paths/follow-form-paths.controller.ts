import { Controller, Get, Param, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../../../../../../libs/domain/src';
import { isLocale } from '../../web/i18n';
import { ConsoleErrorFilter } from '../session/console-error.filter';

/**
 * A refused form is re-rendered at its POST address, so the language switch and a reload there are GETs
 * of that address: they go back (303) to the page the form belongs to, in the chosen language. No
 * session is needed for a redirect; the target page asks for one. Any other console address is a 404
 * page, not the API's problem+json.
 */
@ApiExcludeController()
@Controller('console')
@UseFilters(ConsoleErrorFilter)
export class FollowFormPathsController {
  private async back(reply: FastifyReply, path: string, lang: unknown, anchor = ''): Promise<void> {
    await reply
      .header('cache-control', 'no-store')
      .redirect(`${path}${isLocale(lang) ? `?lang=${lang}` : ''}${anchor}`, 303);
  }

  @Get('decisions/:id/act/:action')
  act(
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Param('action') action: string,
    @Query('lang') lang: unknown,
  ): Promise<void> {
    return this.back(reply, `/console/decisions/${encodeURIComponent(id)}`, lang, `#act-${encodeURIComponent(action)}`);
  }

  @Get('decisions/:id/answers')
  answers(@Res() reply: FastifyReply, @Param('id') id: string, @Query('lang') lang: unknown): Promise<void> {
    return this.back(reply, `/console/decisions/${encodeURIComponent(id)}/opinions`, lang);
  }

  @Get('decisions/:id/answer-templates')
  templates(@Res() reply: FastifyReply, @Param('id') id: string, @Query('lang') lang: unknown): Promise<void> {
    return this.back(reply, `/console/decisions/${encodeURIComponent(id)}/opinions`, lang);
  }

  @Get('decisions/:id/clusters/:edit')
  clusters(@Res() reply: FastifyReply, @Param('id') id: string, @Query('lang') lang: unknown): Promise<void> {
    return this.back(reply, `/console/decisions/${encodeURIComponent(id)}/opinions`, lang);
  }

  @Get('logout')
  logout(@Res() reply: FastifyReply, @Query('lang') lang: unknown): Promise<void> {
    return this.back(reply, '/console', lang);
  }

  @Get('*')
  unknown(): never {
    throw new DomainError('NOT_FOUND', 'not_found', 'No such console page.');
  }
}
