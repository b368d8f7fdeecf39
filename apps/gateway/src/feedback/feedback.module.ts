import { Module } from '@nestjs/common';
import { DecisionsModule } from '../decisions/decisions.module';
import { SiteShellModule } from '../site-shell/site-shell.module';
import { AnswerOpinionsFormController } from './answer-opinions/answer-opinions-form.controller';
import { AnswerOpinionsController } from './answer-opinions/answer-opinions.controller';
import { AnswerOpinionsHandler } from './answer-opinions/answer-opinions.handler';
import { OpinionsLoader } from './answer-opinions/opinions.loader';
import { EditClustersFormController } from './edit-clusters/edit-clusters-form.controller';
import { ListClustersController } from './edit-clusters/list-clusters.controller';
import { MergeClustersController } from './edit-clusters/merge-clusters.controller';
import { RelabelClusterController } from './edit-clusters/relabel-cluster.controller';
import { ConfirmClusterLabelController } from './edit-clusters/confirm-cluster-label.controller';
import { SplitClusterController } from './edit-clusters/split-cluster.controller';
import { ListAnswersController } from './list-answers/list-answers.controller';
import { ListOpinionsController } from './list-opinions/list-opinions.controller';
import { CreateAnswerTemplateController } from './manage-answer-templates/create-answer-template.controller';
import { CreateAnswerTemplateHandler } from './manage-answer-templates/create-answer-template.handler';
import { ListAnswerTemplatesController } from './manage-answer-templates/list-answer-templates.controller';

/**
 * Staff work on a consultation's opinions (SPEC.md §4–5): reading them, the clusters (list, merge, split,
 * relabel; API and console form), answers and answer templates. Withholding an opinion is a lifecycle
 * action (`withhold-opinion`), so the opinions page uses the decisions area's `ActOnDecisionHandler`.
 */
@Module({
  imports: [SiteShellModule, DecisionsModule],
  controllers: [
    ListOpinionsController,
    ListClustersController,
    MergeClustersController,
    SplitClusterController,
    RelabelClusterController,
    ConfirmClusterLabelController,
    EditClustersFormController,
    AnswerOpinionsController,
    AnswerOpinionsFormController,
    ListAnswersController,
    ListAnswerTemplatesController,
    CreateAnswerTemplateController,
  ],
  providers: [AnswerOpinionsHandler, CreateAnswerTemplateHandler, OpinionsLoader],
})
export class FeedbackModule {}
