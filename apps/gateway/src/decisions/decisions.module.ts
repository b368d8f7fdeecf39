import { Module } from '@nestjs/common';
import { SiteShellModule } from '../site-shell/site-shell.module';
import { ActOnDecisionFormController } from './act-on-decision/act-on-decision-form.controller';
import { ActOnDecisionController } from './act-on-decision/act-on-decision.controller';
import { ActOnDecisionHandler } from './act-on-decision/act-on-decision.handler';
import { AttachFileFormController } from './attach-file/attach-file-form.controller';
import { AttachFileController } from './attach-file/attach-file.controller';
import { AttachFileHandler } from './attach-file/attach-file.handler';
import { GetDecisionController } from './get-decision/get-decision.controller';
import { ListDecisionsController } from './list-decisions/list-decisions.controller';
import { ViewBoardController } from './list-decisions/view-board.controller';
import { RegisterDecisionFormController } from './register-decision/register-decision-form.controller';
import { RegisterDecisionController } from './register-decision/register-decision.controller';
import { RegisterDecisionHandler } from './register-decision/register-decision.handler';
import { ViewWorkspaceController } from './view-workspace/view-workspace.controller';
import { WorkspaceLoader } from './view-workspace/workspace.loader';

/**
 * A decision's life as staff drive it (SPEC.md §3, §8): registering it, the lifecycle actions
 * (`POST /api/v1/decisions/{id}/{action}` and the console's action forms, execution and evaluation
 * included; attaching a file, multipart, ADR 87), the managers' list and board, one decision and its workspace. `ActOnDecisionHandler` is
 * exported: withholding an opinion from the opinions page is a lifecycle action too.
 */
@Module({
  imports: [SiteShellModule],
  controllers: [
    RegisterDecisionController,
    RegisterDecisionFormController,
    ListDecisionsController,
    ViewBoardController,
    GetDecisionController,
    ViewWorkspaceController,
    ActOnDecisionController,
    ActOnDecisionFormController,
    AttachFileController,
    AttachFileFormController,
  ],
  providers: [RegisterDecisionHandler, ActOnDecisionHandler, AttachFileHandler, WorkspaceLoader],
  exports: [ActOnDecisionHandler],
})
export class DecisionsModule {}
