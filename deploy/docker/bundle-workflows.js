#!/usr/bin/env node
// Prebuilds the decision workflow bundle at image build time (DESIGN.md §7): workers load it through
// WORKFLOW_BUNDLE instead of running webpack at start. Uses the compiled bundler options so the image
// bundles exactly as the worker does in development.
// Usage: node deploy/docker/bundle-workflows.js <compiled workflows dir> <output file>
'use strict';
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname, resolve } = require('node:path');
const { bundleWorkflowCode } = require('@temporalio/worker');
const { WORKFLOW_BUNDLER_OPTIONS } = require(resolve('dist/libs/temporal/src/bundler.js'));

const [workflowsDir, output] = process.argv.slice(2);
if (!workflowsDir || !output) {
  process.stderr.write('usage: bundle-workflows.js <compiled workflows dir> <output file>\n');
  process.exit(2);
}

bundleWorkflowCode({ workflowsPath: require.resolve(resolve(workflowsDir)), ...WORKFLOW_BUNDLER_OPTIONS })
  .then(({ code }) => {
    mkdirSync(dirname(resolve(output)), { recursive: true });
    writeFileSync(resolve(output), code);
    process.stderr.write(`workflow bundle written to ${output} (${code.length} bytes)\n`);
  })
  .catch((error) => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  });
