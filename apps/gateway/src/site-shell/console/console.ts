import type { Provider, Type } from '@nestjs/common';
import { ActOnDecisionFormController } from '../../decisions/act-on-decision/act-on-decision-form.controller';
import { AnswerOpinionsFormController } from '../../feedback/answer-opinions/answer-opinions-form.controller';
import { OpinionsLoader } from '../../feedback/answer-opinions/opinions.loader';
import { EnterCalendarYearFormController } from '../../admin/enter-calendar-year/enter-calendar-year-form.controller';
import { EditClustersFormController } from '../../feedback/edit-clusters/edit-clusters-form.controller';
import { FollowFormPathsController } from './follow-form-paths/follow-form-paths.controller';
import { RegisterDecisionFormController } from '../../decisions/register-decision/register-decision-form.controller';
import './rule-texts';
import { ConsoleErrorFilter } from './session/console-error.filter';
import { ConsoleSessionGuard } from './session/console-session.guard';
import { SignInController } from '../sign-in/sign-in.controller';
import { ViewBoardController } from '../../decisions/list-decisions/view-board.controller';
import { ViewWorkspaceController } from '../../decisions/view-workspace/view-workspace.controller';
import { WorkspaceLoader } from '../../decisions/view-workspace/workspace.loader';

/**
 * The staff console (SPEC.md §8): sign-in, every lifecycle action as a form, bulk answers, the managers'
 * board. Each page is a use-case folder under `web/console/`; list its controller and providers here.
 * Session and CSRF: `session/` and ADR 0020. Static routes (`new`) are listed before `:id` ones.
 */
export const CONSOLE_CONTROLLERS: Type[] = [
  SignInController,
  ViewBoardController,
  RegisterDecisionFormController,
  ViewWorkspaceController,
  ActOnDecisionFormController,
  AnswerOpinionsFormController,
  EditClustersFormController,
  FollowFormPathsController,
  EnterCalendarYearFormController,
];

export const CONSOLE_PROVIDERS: Provider[] = [ConsoleSessionGuard, ConsoleErrorFilter, WorkspaceLoader, OpinionsLoader];
