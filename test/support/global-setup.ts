import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { ensureSearchAttributes, WORKFLOW_BUNDLER_OPTIONS } from '../../libs/temporal/src';
import { provisionTemporalCli, startDevServer, type DevServer } from '../../apps/embedded/src/dev-server';
import { TEST_ENV } from './env';
import { freePort } from './ports';

declare global {
  var odDevServer: DevServer | undefined;
}

/**
 * One in-memory Temporal dev server for the whole run (we wait up to 60 s for it; the SDK's own helper
 * allows 5 s, too short on these machines) and one workflow bundle, shared by every test file.
 */
export default async function globalSetup(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const cli = process.env['TEMPORAL_CLI'] ?? provisionTemporalCli(root);
  const dir = mkdtempSync(join(tmpdir(), 'od-test-'));
  const server = await startDevServer({ cli, port: await freePort(), logFile: join(dir, 'temporal.log') });
  globalThis.odDevServer = server;
  const connection = await Connection.connect({ address: server.address });
  await ensureSearchAttributes(connection, 'default');
  await connection.close();
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    logger: quietLogger,
    ...WORKFLOW_BUNDLER_OPTIONS,
  });
  const bundlePath = join(dir, 'workflow-bundle.js');
  writeFileSync(bundlePath, code);
  process.env[TEST_ENV.temporalAddress] = server.address;
  process.env[TEST_ENV.workflowBundle] = bundlePath;
}

const noop = (): void => undefined;
const quietLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, log: noop };
