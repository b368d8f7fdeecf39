import { Controller, Get, Inject, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { actsForAllUnits, STAGES, type Stage } from '../../../../../libs/domain/src';
import {
  countDecisionsByStageAndUnit,
  dueRefNames,
  listDecisions,
  listDueDecisions,
} from '../../../../../libs/persistence/src';
import { pageNumber } from '../../common/page-number';
import { DATA_SOURCE } from '../../common/tokens';
import { sendConsolePage } from '../../site-shell/console/console-page';
import { ConsoleErrorFilter } from '../../site-shell/console/session/console-error.filter';
import {
  ConsoleSessionGuard,
  CurrentSession,
  type ConsoleSession,
} from '../../site-shell/console/session/console-session.guard';
import { loadNames } from '../../site-shell/web/names';
import { renderBoard, type BoardFilter } from './view-board.page';

const text = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;

/** Filters from the query; anything unknown is ignored rather than refused (it is a GET form). */
export function boardFilter(query: Record<string, unknown>): BoardFilter {
  const stage = STAGES.includes(query['stage'] as Stage) ? (query['stage'] as Stage) : undefined;
  const overdue = query['overdue'] === 'true' ? true : undefined;
  const page = pageNumber(query['page'], 1000);
  return { stage, unit: text(query['unit'], 64), overdue, page };
}

/** `/console`: the managers' board (SPEC.md §8); drafters see their own unit, as in the API. */
@ApiExcludeController()
@Controller('console')
@UseFilters(ConsoleErrorFilter)
@UseGuards(ConsoleSessionGuard)
export class ViewBoardController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get()
  async board(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query() query: Record<string, unknown>,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    const filter = boardFilter(query);
    const scope = actsForAllUnits(session.actor.role) ? undefined : session.actor.unit;
    const unit = scope ?? filter.unit;
    const [counts, due, reviews, decisions, names] = await Promise.all([
      countDecisionsByStageAndUnit(this.dataSource, scope),
      listDueDecisions(this.dataSource, { unit, limit: 50 }),
      listDueDecisions(this.dataSource, { unit, reviews: true, limit: 50 }),
      listDecisions(this.dataSource, {
        stage: filter.stage,
        unit,
        overdue: filter.overdue,
        page: filter.page,
        pageSize: 20,
      }),
      loadNames(this.dataSource),
    ]);
    const refs = await dueRefNames(
      this.dataSource,
      [...due, ...reviews].map((d) => d.id),
    );
    await sendConsolePage(request, reply, session, (context) =>
      renderBoard(context, session, { filter: { ...filter, unit }, counts, due, reviews, decisions, names, refs }),
    );
  }
}
