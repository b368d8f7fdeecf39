import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../../libs/runtime/src';
import { ActOnDecisionController } from './act-on-decision/act-on-decision.controller';
import { ActOnDecisionHandler } from './act-on-decision/act-on-decision.handler';
import { AnswerOpinionsController } from './answer-opinions/answer-opinions.controller';
import { AnswerOpinionsHandler } from './answer-opinions/answer-opinions.handler';
import { CreateAnswerTemplateController } from './create-answer-template/create-answer-template.controller';
import { CreateAnswerTemplateHandler } from './create-answer-template/create-answer-template.handler';
import { GetPublicFeedbackController } from './get-public-feedback/get-public-feedback.controller';
import { ListAnswerTemplatesController } from './list-answer-templates/list-answer-templates.controller';
import { ListAnswersController } from './list-answers/list-answers.controller';
import { ChangeAccountController } from './change-account/change-account.controller';
import { ChangeAccountHandler } from './change-account/change-account.handler';
import { ProblemFilter } from './common/problem.filter';
import { OpinionRateLimitGuard } from './common/rate-limit.guard';
import { StaffGuard } from './common/staff.guard';
import { OpinionGroupCommit } from '../../../libs/persistence/src';
import { CONFIG, DATA_SOURCE, LIMIT_STORE, LOGGER, OPINION_INTAKE, TEMPORAL_CLIENT } from './common/tokens';
import { DatabaseLimitStore } from './common/limits/database-limit-store';
import { RedisLimitStore } from './common/limits/redis-limit-store';
import type { GatewayConfig } from './config';
import { CreateAccountController } from './create-account/create-account.controller';
import { CreateAccountHandler } from './create-account/create-account.handler';
import { EnterCalendarYearController } from './enter-calendar-year/enter-calendar-year.controller';
import { EnterCalendarYearHandler } from './enter-calendar-year/enter-calendar-year.handler';
import { GetCalendarController } from './get-calendar/get-calendar.controller';
import { CreateUnitController } from './create-unit/create-unit.controller';
import { CreateUnitHandler } from './create-unit/create-unit.handler';
import { GetDecisionController } from './get-decision/get-decision.controller';
import { ExportDecisionsController } from './export-decisions/export-decisions.controller';
import { ExportOpinionsController } from './export-opinions/export-opinions.controller';
import { GetOpinionReceiptController } from './get-opinion-receipt/get-opinion-receipt.controller';
import { GetPublicDecisionController } from './get-public-decision/get-public-decision.controller';
import { GetPublicTimelineController } from './get-public-timeline/get-public-timeline.controller';
import { GetFeedsController } from './get-feeds/get-feeds.controller';
import { GetFeedsHandler } from './get-feeds/get-feeds.handler';
import { HealthController } from './health/health.controller';
import { ListAccountsController } from './list-accounts/list-accounts.controller';
import { ListUnitsController } from './list-units/list-units.controller';
import { ListDecisionsController } from './list-decisions/list-decisions.controller';
import { ListPublicDecisionsController } from './list-public-decisions/list-public-decisions.controller';
import { ListPublicOpinionsController } from './list-public-opinions/list-public-opinions.controller';
import { ListOpinionsController } from './list-opinions/list-opinions.controller';
import { ListClustersController } from './list-clusters/list-clusters.controller';
import { MergeClustersController } from './merge-clusters/merge-clusters.controller';
import { RelabelClusterController } from './relabel-cluster/relabel-cluster.controller';
import { SplitClusterController } from './split-cluster/split-cluster.controller';
import { LoginController } from './login/login.controller';
import { LoginHandler } from './login/login.handler';
import { LogoutController } from './logout/logout.controller';
import { EndSignInLockoutController } from './end-sign-in-lockout/end-sign-in-lockout.controller';
import { ThrottledAuthenticator } from './login/throttled-authenticator';
import { CONSOLE_CONTROLLERS, CONSOLE_PROVIDERS } from './web/console/console';
import { PUBLIC_SITE_CONTROLLERS, PUBLIC_SITE_PROVIDERS } from './web/public-site';
import { SubmitOpinionController } from './submit-opinion/submit-opinion.controller';
import { SubmitOpinionHandler } from './submit-opinion/submit-opinion.handler';
import { RegisterDecisionController } from './register-decision/register-decision.controller';
import { RegisterDecisionHandler } from './register-decision/register-decision.handler';
import { StaffRequestInterceptor } from './common/staff-request.interceptor';
import { StaffRequests } from './common/staff-requests';

/** Infrastructure the gateway is built on; created and closed by `main.ts`. */
export interface GatewayDependencies {
  config: GatewayConfig;
  dataSource: DataSource;
  client: Client;
  log: Logger;
}

@Module({})
export class AppModule {
  static forRoot({ config, dataSource, client, log }: GatewayDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        JwtModule.register({
          secret: config.AUTH_SECRET,
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
      ],
      controllers: [
        HealthController,
        LoginController,
        LogoutController,
        RegisterDecisionController,
        ListDecisionsController,
        GetDecisionController,
        ListOpinionsController,
        ListClustersController,
        MergeClustersController,
        SplitClusterController,
        RelabelClusterController,
        AnswerOpinionsController,
        ListAnswersController,
        ListAnswerTemplatesController,
        CreateAnswerTemplateController,
        GetPublicFeedbackController,
        ActOnDecisionController,
        ListPublicDecisionsController,
        SubmitOpinionController,
        GetOpinionReceiptController,
        ListPublicOpinionsController,
        GetPublicDecisionController,
        GetPublicTimelineController,
        GetFeedsController,
        ExportDecisionsController,
        ExportOpinionsController,
        ListUnitsController,
        CreateUnitController,
        ListAccountsController,
        CreateAccountController,
        ChangeAccountController,
        EnterCalendarYearController,
        GetCalendarController,
        EndSignInLockoutController,
        ...PUBLIC_SITE_CONTROLLERS,
        ...CONSOLE_CONTROLLERS,
      ],
      providers: [
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
        { provide: APP_FILTER, useFactory: (logger: Logger) => new ProblemFilter(logger), inject: [LOGGER] },
        { provide: APP_INTERCEPTOR, useClass: StaffRequestInterceptor },
        StaffRequests,
        StaffGuard,
        OpinionRateLimitGuard,
        ThrottledAuthenticator,
        LoginHandler,
        RegisterDecisionHandler,
        ActOnDecisionHandler,
        AnswerOpinionsHandler,
        CreateAnswerTemplateHandler,
        SubmitOpinionHandler,
        GetFeedsHandler,
        CreateUnitHandler,
        CreateAccountHandler,
        ChangeAccountHandler,
        EnterCalendarYearHandler,
        ...PUBLIC_SITE_PROVIDERS,
        ...CONSOLE_PROVIDERS,
      ],
    };
  }
}
