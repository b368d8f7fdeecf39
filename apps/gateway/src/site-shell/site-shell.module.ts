import { Module } from '@nestjs/common';
import { AssetsController } from './assets/assets.controller';
import { FollowFormPathsController } from './console/follow-form-paths/follow-form-paths.controller';
import './console/rule-texts';
import { ConsoleErrorFilter } from './console/session/console-error.filter';
import { ConsoleSessionGuard } from './console/session/console-session.guard';
import { HealthController } from './health/health.controller';
import { LoginController } from './sign-in/login.controller';
import { LoginHandler } from './sign-in/login.handler';
import { LogoutController } from './sign-in/logout.controller';
import { SignInController } from './sign-in/sign-in.controller';
import { ThrottledAuthenticator } from './sign-in/throttled-authenticator';
import { HtmlErrorFilter } from './web/html-error.filter';

/**
 * What every door stands in (SPEC.md §8): health probes, the static assets, sign-in and sign-out (API
 * token and console session), the console's session guard and error pages, the public site's error
 * pages. The areas import it for the guard, the filters and the password check they share; `web/` holds
 * the page kit (`html`, `i18n`, `layout`, `page-context`) and `openapi/` the document builder.
 * `FollowFormPathsController` ends in `GET /console/*`: Fastify routes by specificity (static, then
 * parametric, then wildcard), not by the order modules register, so it catches only what no area serves.
 */
@Module({
  controllers: [
    HealthController,
    LoginController,
    LogoutController,
    AssetsController,
    SignInController,
    FollowFormPathsController,
  ],
  providers: [ThrottledAuthenticator, LoginHandler, ConsoleSessionGuard, ConsoleErrorFilter, HtmlErrorFilter],
  exports: [ThrottledAuthenticator, ConsoleSessionGuard, ConsoleErrorFilter, HtmlErrorFilter],
})
export class SiteShellModule {}
