import type { Provider, Type } from '@nestjs/common';
import { AssetsController } from './assets.controller';
import { HtmlErrorFilter } from './html-error.filter';
import { ViewHomeController } from './public/view-home/view-home.controller';

/**
 * The public site (SPEC.md §8): server-rendered pages that work without JavaScript. Each page is a
 * use-case folder under `web/public/`; list its controller here.
 */
export const PUBLIC_SITE_CONTROLLERS: Type[] = [AssetsController, ViewHomeController];

export const PUBLIC_SITE_PROVIDERS: Provider[] = [HtmlErrorFilter];
