import { Module, type DynamicModule } from '@nestjs/common';
import { AdminModule } from './admin/admin.module';
import { InfrastructureModule, type GatewayDependencies } from './common/infrastructure.module';
import { DecisionsModule } from './decisions/decisions.module';
import { DisclosureModule } from './disclosure/disclosure.module';
import { FeedbackModule } from './feedback/feedback.module';
import { PublicModule } from './public/public.module';
import { SiteShellModule } from './site-shell/site-shell.module';

/**
 * The gateway: one Nest feature module per area (ADR 48), each use case a folder with all its doors (API
 * controller, page, console form). `InfrastructureModule` is global and holds what the areas share.
 */
@Module({})
export class AppModule {
  static forRoot(dependencies: GatewayDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(dependencies),
        SiteShellModule,
        DecisionsModule,
        FeedbackModule,
        PublicModule,
        AdminModule,
        DisclosureModule,
      ],
    };
  }
}
