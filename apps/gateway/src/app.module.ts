import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../../libs/runtime/src';
import { ActOnDecisionController } from './decisions/act-on-decision/act-on-decision.controller';
import { ActOnDecisionHandler } from './decisions/act-on-decision/act-on-decision.handler';
import { AnswerOpinionsController } from './feedback/answer-opinions/answer-opinions.controller';
import { AnswerOpinionsHandler } from './feedback/answer-opinions/answer-opinions.handler';
import { CreateAnswerTemplateController } from './feedback/manage-answer-templates/create-answer-template.controller';
import { CreateAnswerTemplateHandler } from './feedback/manage-answer-templates/create-answer-template.handler';
import { GetPublicFeedbackController } from './public/get-public-feedback/get-public-feedback.controller';
import { ListAnswerTemplatesController } from './feedback/manage-answer-templates/list-answer-templates.controller';
import { ListAnswersController } from './feedback/list-answers/list-answers.controller';
import { ChangeAccountController } from './admin/manage-accounts/change-account.controller';
import { ChangeAccountHandler } from './admin/manage-accounts/change-account.handler';
import { ProblemFilter } from './common/problem.filter';
import { OpinionRateLimitGuard } from './common/rate-limit.guard';
import { StaffGuard } from './common/staff.guard';
import { OpinionGroupCommit } from '../../../libs/persistence/src';
import { CONFIG, DATA_SOURCE, LIMIT_STORE, LOGGER, OPINION_INTAKE, TEMPORAL_CLIENT } from './common/tokens';
import { DatabaseLimitStore } from './common/limits/database-limit-store';
import { RedisLimitStore } from './common/limits/redis-limit-store';
import type { GatewayConfig } from './config';
import { CreateAccountController } from './admin/manage-accounts/create-account.controller';
import { CreateAccountHandler } from './admin/manage-accounts/create-account.handler';
import { EnterCalendarYearController } from './admin/enter-calendar-year/enter-calendar-year.controller';
import { EnterCalendarYearHandler } from './admin/enter-calendar-year/enter-calendar-year.handler';
import { GetCalendarController } from './public/view-calendar/get-calendar.controller';
import { CreateUnitController } from './admin/manage-units/create-unit.controller';
import { CreateUnitHandler } from './admin/manage-units/create-unit.handler';
import { GetDecisionController } from './decisions/get-decision/get-decision.controller';
import { ExportDecisionsController } from './public/export-open-data/export-decisions.controller';
import { ExportOpinionsController } from './public/export-open-data/export-opinions.controller';
import { GetOpinionReceiptController } from './public/look-up-receipt/get-opinion-receipt.controller';
import { GetPublicDecisionController } from './public/view-decision/get-public-decision.controller';
import { GetPublicTimelineController } from './public/view-timeline/get-public-timeline.controller';
import { GetFeedsController } from './public/get-feeds/get-feeds.controller';
import { GetFeedsHandler } from './public/get-feeds/get-feeds.handler';
import { HealthController } from './site-shell/health/health.controller';
import { ListAccountsController } from './admin/manage-accounts/list-accounts.controller';
import { ListUnitsController } from './admin/manage-units/list-units.controller';
import { ListDecisionsController } from './decisions/list-decisions/list-decisions.controller';
import { ListPublicDecisionsController } from './public/list-public-decisions/list-public-decisions.controller';
import { ListPublicOpinionsController } from './public/list-public-opinions/list-public-opinions.controller';
import { ListOpinionsController } from './feedback/list-opinions/list-opinions.controller';
import { ListClustersController } from './feedback/edit-clusters/list-clusters.controller';
import { MergeClustersController } from './feedback/edit-clusters/merge-clusters.controller';
import { RelabelClusterController } from './feedback/edit-clusters/relabel-cluster.controller';
import { SplitClusterController } from './feedback/edit-clusters/split-cluster.controller';
import { LoginController } from './site-shell/sign-in/login.controller';
import { LoginHandler } from './site-shell/sign-in/login.handler';
import { LogoutController } from './site-shell/sign-in/logout.controller';
import { EndSignInLockoutController } from './admin/end-sign-in-lockout/end-sign-in-lockout.controller';
import { ThrottledAuthenticator } from './site-shell/sign-in/throttled-authenticator';
import { CONSOLE_CONTROLLERS, CONSOLE_PROVIDERS } from './site-shell/console/console';
import { PUBLIC_SITE_CONTROLLERS, PUBLIC_SITE_PROVIDERS } from './public/public-site';
import { SubmitOpinionController } from './public/submit-opinion/submit-opinion.controller';
import { SubmitOpinionHandler } from './public/submit-opinion/submit-opinion.handler';
import { RegisterDecisionController } from './decisions/register-decision/register-decision.controller';
import { RegisterDecisionHandler } from './decisions/register-decision/register-decision.handler';
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
