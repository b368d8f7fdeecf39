import type { BundleOptions } from '@temporalio/worker';

type WebpackConfig = Parameters<NonNullable<BundleOptions['webpackConfigHook']>>[0];

/**
 * Bundler settings for the decision workflows, used wherever they are bundled (worker, tests, image
 * builds). `chinese-days` (the working-day calendar) ships its ES build under `module` in a CommonJS
 * package; webpack must parse it as `javascript/auto`.
 */
export const WORKFLOW_BUNDLER_OPTIONS = {
  webpackConfigHook: (config: WebpackConfig): WebpackConfig => ({
    ...config,
    module: {
      ...config.module,
      rules: [
        ...(config.module?.rules ?? []),
        { test: /[\\/]node_modules[\\/]chinese-days[\\/]/, type: 'javascript/auto' },
      ],
    },
  }),
};
