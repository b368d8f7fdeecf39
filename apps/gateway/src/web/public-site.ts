import type { Provider, Type } from '@nestjs/common';
import { AssetsController } from './assets.controller';
import { HtmlErrorFilter } from './html-error.filter';
import { LookUpReceiptController } from './public/look-up-receipt/look-up-receipt.controller';
import { SubmitOpinionFormController } from './public/submit-opinion-form/submit-opinion-form.controller';
import { ViewCalendarController } from './public/view-calendar/view-calendar.controller';
import { VerifyLogController } from './public/verify-log/verify-log.controller';
import { ViewCatalogueController } from './public/view-catalogue/view-catalogue.controller';
import { ViewDecisionController } from './public/view-decision/view-decision.controller';
import { ViewHomeController } from './public/view-home/view-home.controller';
import { ViewProgressChartController } from './public/view-progress-chart/view-progress-chart.controller';
import { ViewTimelineController } from './public/view-timeline/view-timeline.controller';

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
