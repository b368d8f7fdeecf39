import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { isTemporalHealthy } from '../../../../libs/temporal/src';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../common/tokens';

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

  /** The database and Temporal are both reachable; 503 with which one is not. */
  @Get('ready')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const [database, temporal] = await Promise.all([
      this.dataSource.query('SELECT 1').then(() => true, () => false),
      isTemporalHealthy(this.client.connection),
    ]);
    const ok = database && temporal;
    await reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', database: database ? 'ok' : 'down', temporal: temporal ? 'ok' : 'down' });
  }
}
