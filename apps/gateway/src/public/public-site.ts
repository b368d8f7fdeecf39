import type { Provider, Type } from '@nestjs/common';
import { AssetsController } from '../site-shell/assets/assets.controller';
import { HtmlErrorFilter } from '../site-shell/web/html-error.filter';
import { LookUpReceiptController } from './look-up-receipt/look-up-receipt.controller';
import { SubmitOpinionFormController } from './submit-opinion/submit-opinion-form.controller';
import { ViewCalendarController } from './view-calendar/view-calendar.controller';
import { VerifyLogController } from './verify-log/verify-log.controller';
import { ViewCatalogueController } from './list-public-decisions/view-catalogue.controller';
import { ViewDecisionController } from './view-decision/view-decision.controller';
import { ViewHomeController } from './view-home/view-home.controller';
import { ViewProgressChartController } from './view-progress-chart/view-progress-chart.controller';
import { ViewTimelineController } from './view-timeline/view-timeline.controller';

/**
 * The public site (SPEC.md §8): server-rendered pages that work without JavaScript. Each page is a
 * use-case folder under `web/public/`; list its controller here. Static routes (`/decisions/{id}/timeline`,
 * `…/verify`, `…/progress.svg`) are listed before the page of a decision itself.
 */
export const PUBLIC_SITE_CONTROLLERS: Type[] = [
  AssetsController,
  ViewHomeController,
  ViewCatalogueController,
  ViewTimelineController,
  VerifyLogController,
  ViewCalendarController,
  ViewProgressChartController,
  ViewDecisionController,
  SubmitOpinionFormController,
  LookUpReceiptController,
];

export const PUBLIC_SITE_PROVIDERS: Provider[] = [HtmlErrorFilter];
