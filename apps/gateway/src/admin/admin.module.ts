import { Module } from '@nestjs/common';
import { SiteShellModule } from '../site-shell/site-shell.module';
import { EndSignInLockoutController } from './end-sign-in-lockout/end-sign-in-lockout.controller';
import { EnterCalendarYearFormController } from './enter-calendar-year/enter-calendar-year-form.controller';
import { EnterCalendarYearController } from './enter-calendar-year/enter-calendar-year.controller';
import { EnterCalendarYearHandler } from './enter-calendar-year/enter-calendar-year.handler';
import { ChangeAccountController } from './manage-accounts/change-account.controller';
import { ChangeAccountHandler } from './manage-accounts/change-account.handler';
import { CreateAccountController } from './manage-accounts/create-account.controller';
import { CreateAccountHandler } from './manage-accounts/create-account.handler';
import { ListAccountsController } from './manage-accounts/list-accounts.controller';
import { CreateUnitController } from './manage-units/create-unit.controller';
import { CreateUnitHandler } from './manage-units/create-unit.handler';
import { ListUnitsController } from './manage-units/list-units.controller';

/**
 * The administrators' work (`@Staff('admin')`, SPEC.md §8): units, accounts, the working-day calendar
 * of a year (API and console form), and ending a sign-in lockout (ADR 22). The sign-in throttle comes
 * from the site shell, so a lockout ended here is the one sign-in sees.
 */
@Module({
  imports: [SiteShellModule],
  controllers: [
    ListUnitsController,
    CreateUnitController,
    ListAccountsController,
    CreateAccountController,
    ChangeAccountController,
    EnterCalendarYearController,
    EnterCalendarYearFormController,
    EndSignInLockoutController,
  ],
  providers: [CreateUnitHandler, CreateAccountHandler, ChangeAccountHandler, EnterCalendarYearHandler],
})
export class AdminModule {}
