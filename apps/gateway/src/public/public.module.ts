import { Module } from '@nestjs/common';
import { SiteShellModule } from '../site-shell/site-shell.module';
import { ApplyForDisclosureFormController } from './apply-for-disclosure/apply-for-disclosure-form.controller';
import { ApplyForDisclosureController } from './apply-for-disclosure/apply-for-disclosure.controller';
import { ApplyForDisclosureHandler } from './apply-for-disclosure/apply-for-disclosure.handler';
import { DisclosureRateLimit } from './disclosure-rate-limit';
import {
  ViewDisclosureStatisticsController,
  ViewDisclosureStatisticsPageController,
} from './view-disclosure-statistics/view-disclosure-statistics.controller';
import {
  ViewDisclosureReportController,
  ViewDisclosureReportPageController,
} from './view-disclosure-reports/view-disclosure-reports.controller';
import { FollowDisclosureController } from './follow-disclosure/follow-disclosure.controller';
import { FollowDisclosureHandler } from './follow-disclosure/follow-disclosure.handler';
import { ViewDisclosureLookupController } from './follow-disclosure/view-disclosure-lookup.controller';
import { DownloadAttachmentController } from './download-attachment/download-attachment.controller';
import { ExportDecisionsController } from './export-open-data/export-decisions.controller';
import { ExportOpinionsController } from './export-open-data/export-opinions.controller';
import { FollowDecisionController } from './follow-decision/follow-decision.controller';
import { FollowRateLimit } from './follow-decision/follow-rate-limit.guard';
import { GetFeedsController } from './get-feeds/get-feeds.controller';
import { GetFeedsHandler } from './get-feeds/get-feeds.handler';
import { GetTransparencyProofsController } from './get-transparency-proofs/get-transparency-proofs.controller';
import { GetTransparencyProofsHandler } from './get-transparency-proofs/get-transparency-proofs.handler';
import { GetPublicFeedbackController } from './get-public-feedback/get-public-feedback.controller';
import { ListPublicDecisionsController } from './list-public-decisions/list-public-decisions.controller';
import { ViewCatalogueController } from './list-public-decisions/view-catalogue.controller';
import { ListPublicOpinionsController } from './list-public-opinions/list-public-opinions.controller';
import { GetOpinionReceiptController } from './look-up-receipt/get-opinion-receipt.controller';
import { LookUpReceiptController } from './look-up-receipt/look-up-receipt.controller';
import { CosignatureRateLimitGuard } from './submit-cosignature/cosignature-rate-limit.guard';
import { SubmitCosignatureController } from './submit-cosignature/submit-cosignature.controller';
import { SubmitCosignatureHandler } from './submit-cosignature/submit-cosignature.handler';
import { SubmitOpinionFormController } from './submit-opinion/submit-opinion-form.controller';
import { SubmitOpinionController } from './submit-opinion/submit-opinion.controller';
import { SubmitOpinionHandler } from './submit-opinion/submit-opinion.handler';
import { VerifyLogController } from './verify-log/verify-log.controller';
import { ViewAccessibilityStatementController } from './view-accessibility-statement/view-accessibility-statement.controller';
import { GetCalendarController } from './view-calendar/get-calendar.controller';
import { ViewCalendarController } from './view-calendar/view-calendar.controller';
import { GetPublicChangesController } from './view-changes/get-public-changes.controller';
import { ViewChangesController } from './view-changes/view-changes.controller';
import { GetPublicDecisionController } from './view-decision/get-public-decision.controller';
import { ViewDecisionController } from './view-decision/view-decision.controller';
import { ViewHomeController } from './view-home/view-home.controller';
import { ViewProgressChartController } from './view-progress-chart/view-progress-chart.controller';
import { GetPublicTimelineController } from './view-timeline/get-public-timeline.controller';
import { ViewTimelineController } from './view-timeline/view-timeline.controller';

/**
 * What anyone may read or send without an account (SPEC.md §6, §8): one folder per use case with its
 * doors side by side — the page that works without JavaScript and the public JSON API (`/api/v1/public/…`),
 * the feeds and the open-data exports. Nothing here reads a confidential decision or a personal field.
 */
@Module({
  imports: [SiteShellModule],
  controllers: [
    ViewDisclosureStatisticsController,
    ViewDisclosureStatisticsPageController,
    ViewDisclosureReportController,
    ViewDisclosureReportPageController,
    ViewHomeController,
    ViewCatalogueController,
    ListPublicDecisionsController,
    ViewDecisionController,
    GetPublicDecisionController,
    ViewTimelineController,
    GetPublicTimelineController,
    ViewChangesController,
    GetPublicChangesController,
    DownloadAttachmentController,
    VerifyLogController,
    ViewProgressChartController,
    SubmitOpinionController,
    SubmitOpinionFormController,
    LookUpReceiptController,
    GetOpinionReceiptController,
    ListPublicOpinionsController,
    GetPublicFeedbackController,
    ViewCalendarController,
    GetCalendarController,
    GetFeedsController,
    GetTransparencyProofsController,
    SubmitCosignatureController,
    ExportDecisionsController,
    ExportOpinionsController,
    ViewAccessibilityStatementController,
    ApplyForDisclosureController,
    ApplyForDisclosureFormController,
    FollowDisclosureController,
    ViewDisclosureLookupController,
    FollowDecisionController,
  ],
  providers: [
    SubmitOpinionHandler,
    GetFeedsHandler,
    GetTransparencyProofsHandler,
    SubmitCosignatureHandler,
    CosignatureRateLimitGuard,
    ApplyForDisclosureHandler,
    FollowDisclosureHandler,
    DisclosureRateLimit,
    FollowRateLimit,
  ],
})
export class PublicModule {}
