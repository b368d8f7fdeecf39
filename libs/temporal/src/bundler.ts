import type { BundleOptions } from '@temporalio/worker';

type WebpackConfig = Parameters<NonNullable<BundleOptions['webpackConfigHook']>>[0];

/**
 * zod's translations of its error messages into forty languages (`z.locales`), about 0.4 MB of the bundle.
 * The workflows never read them: zod's default English messages come from `locales/en` directly, so the
 * index of all locales resolves to an empty module here (webpack's `alias: false`).
 */
const ZOD_LOCALES = require.resolve('zod/v4/locales');

/**
 * Bundler settings for the decision workflows, used wherever they are bundled (worker, tests, image
 * builds). `chinese-days` (the working-day calendar) ships its ES build under `module` in a CommonJS
 * package; webpack must parse it as `javascript/auto`. zod's locales are left out (above).
 */
export const WORKFLOW_BUNDLER_OPTIONS = {
  webpackConfigHook: (config: WebpackConfig): WebpackConfig => ({
    ...config,
    resolve: {
      ...config.resolve,
      alias: { ...(config.resolve?.alias as Record<string, string | false> | undefined), [ZOD_LOCALES]: false },
    },
    module: {
      ...config.module,
      rules: [
        ...(config.module?.rules ?? []),
        { test: /[\\/]node_modules[\\/]chinese-days[\\/]/, type: 'javascript/auto' },
      ],
    },
  }),
};
