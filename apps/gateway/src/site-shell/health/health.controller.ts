import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { isTemporalHealthy } from '../../../../../libs/temporal/src';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../../common/tokens';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  /** The process is up. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Ready to serve: the database answers. Temporal is not part of it (ADR 0027): without it public
   * reads, opinion intake, answers and the console's reads keep working, and staff actions answer 503
   * with a stable code; taking every gateway out of service would stop all of that too.
   */
  @Get('ready')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const database = await this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    await reply
      .status(database ? 200 : 503)
      .send({ status: database ? 'ok' : 'unavailable', database: database ? 'ok' : 'down' });
  }

  /** Whether the Temporal frontend answers (within 2 s): staff actions need it. For monitoring, not for readiness. */
  @Get('temporal')
  async temporal(@Res() reply: FastifyReply): Promise<void> {
    const up = await isTemporalHealthy(this.client.connection);
    await reply.status(up ? 200 : 503).send({ status: up ? 'ok' : 'unavailable', temporal: up ? 'ok' : 'down' });
  }
}
