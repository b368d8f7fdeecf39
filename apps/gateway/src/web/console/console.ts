import type { Provider, Type } from '@nestjs/common';

/**
 * The staff console (SPEC.md §8): sign-in, every lifecycle action as a form, bulk answers, the managers'
 * board. Each page is a use-case folder under `web/console/`; list its controller and providers here.
 */
export const CONSOLE_CONTROLLERS: Type[] = [];

export const CONSOLE_PROVIDERS: Provider[] = [];
