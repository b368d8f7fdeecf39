import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { OpinionGroupCommit, PublicTimelineCache, openAttachmentStore } from '../../../../libs/persistence/src';
import type { Logger } from '../../../../libs/runtime/src';
import type { GatewayConfig } from '../config';
import { DatabaseLimitStore } from './limits/database-limit-store';
import { RedisLimitStore } from './limits/redis-limit-store';
import { ProblemFilter } from './problem.filter';
import { OpinionRateLimitGuard } from './rate-limit.guard';
import { StaffRequestInterceptor } from './staff-request.interceptor';
import { StaffRequests } from './staff-requests';
import { StaffGuard } from './staff.guard';
import {
  ATTACHMENT_STORE,
  CONFIG,
  DATA_SOURCE,
  LIMIT_STORE,
  LOGGER,
  OPINION_INTAKE,
  PUBLIC_TIMELINES,
  TEMPORAL_CLIENT,
} from './tokens';

/** Infrastructure the gateway is built on; created and closed by `serve.ts`. */
export interface GatewayDependencies {
  config: GatewayConfig;
  dataSource: DataSource;
  client: Client;
  log: Logger;
}

/**
 * What every area of the gateway shares, one instance per process: the injection tokens of `tokens.ts`,
 * the JWT service, the staff guard and the `Idempotency-Key` ledger, the opinion rate limit, and the two
 * global hooks (problem+json for every error, the staff-request interceptor). Global, so an area module
 * declares only its own controllers and handlers.
 */
@Module({})
export class InfrastructureModule {
  static forRoot({ config, dataSource, client, log }: GatewayDependencies): DynamicModule {
    const jwt = JwtModule.register({
      secret: config.AUTH_SECRET,
      signOptions: { algorithm: 'HS256' },
      verifyOptions: { algorithms: ['HS256'] },
    });
    const shared = [
      { provide: CONFIG, useValue: config },
      { provide: DATA_SOURCE, useValue: dataSource },
      { provide: OPINION_INTAKE, useValue: new OpinionGroupCommit(dataSource) },
      { provide: TEMPORAL_CLIENT, useValue: client },
      {
        provide: LIMIT_STORE,
        useFactory: () =>
          config.REDIS_URL ? new RedisLimitStore(config.REDIS_URL) : new DatabaseLimitStore(dataSource),
      },
      { provide: LOGGER, useValue: log },
      {
        provide: PUBLIC_TIMELINES,
        useFactory: () =>
          PublicTimelineCache.open(dataSource, {
            maxBytes: config.PUBLIC_TIMELINE_CACHE_MB * 1024 * 1024,
            warn: (message, error) =>
              log.warn(message, { error: error instanceof Error ? error.message : String(error) }),
          }),
      },
      { provide: ATTACHMENT_STORE, useValue: openAttachmentStore(dataSource, config.ATTACHMENT_STORE) },
      StaffRequests,
      StaffGuard,
      OpinionRateLimitGuard,
    ];
    return {
      module: InfrastructureModule,
      global: true,
      imports: [jwt],
      providers: [
        ...shared,
        { provide: APP_FILTER, useFactory: (logger: Logger) => new ProblemFilter(logger), inject: [LOGGER] },
        { provide: APP_INTERCEPTOR, useClass: StaffRequestInterceptor },
      ],
      exports: [
        JwtModule,
        CONFIG,
        DATA_SOURCE,
        OPINION_INTAKE,
        TEMPORAL_CLIENT,
        LIMIT_STORE,
        ATTACHMENT_STORE,
        PUBLIC_TIMELINES,
        LOGGER,
        StaffRequests,
        StaffGuard,
        OpinionRateLimitGuard,
      ],
    };
  }
}
