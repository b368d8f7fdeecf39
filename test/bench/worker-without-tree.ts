import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { loadWorkerConfig } from '../../apps/worker/src/config';
import { createDecisionWorker } from '../../apps/worker/src/decision-worker';
import { databaseConfigFrom, openDatabase } from '../../libs/persistence/src';

/**
 * The tree-cost benchmark's second worker (ADR 0110, `tlog-staff` group of test/bench/tree-cost.ts): the
 * production worker's code and settings (apps/worker/src/config.ts), with `appendEvents` leaving the
 * transparency tree out. A bench-only entry point, so that no setting of the real worker can turn the tree off.
 * It signs no checkpoint and runs no schedule; the Temporal runtime stops it on SIGTERM, as the real one.
 */
async function main(): Promise<void> {
  const config = loadWorkerConfig(process.env);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const dataSource = await openDatabase(databaseConfigFrom(config.DATABASE_URL), { migrate: config.DB_MIGRATE });
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await createDecisionWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TASK_QUEUE,
    dataSource,
    appendOptions: { transparencyTree: false },
    workflows: config.WORKFLOW_BUNDLE
      ? { bundlePath: config.WORKFLOW_BUNDLE }
      : { workflowsPath: require.resolve('../../workflows') },
  });
  try {
    await worker.run();
  } finally {
    await connection.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
