import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { databaseConfigFrom, openDatabase } from '../../../libs/persistence/src';
import { ConfigError, createLogger } from '../../../libs/runtime/src';
import {
  ensureCheckpointSchedule,
  ensureNotificationSchedule,
  ensureSearchAttributes,
} from '../../../libs/temporal/src';
import { parseSignerKey } from '../../../libs/transparency/src';
import { loadWorkerConfig } from './config';
import { createDecisionWorker } from './decision-worker';

/**
 * The worker process: runs decision workflows and their activities. The Temporal runtime handles
 * SIGINT/SIGTERM: `run()` resolves once the worker drained, then the database is closed.
 */
async function main(): Promise<void> {
  const config = loadWorkerConfig(process.env);
  const log = createLogger('worker', config.LOG_LEVEL);
  Runtime.install({
    logger: new DefaultLogger(config.LOG_LEVEL === 'debug' ? 'DEBUG' : 'INFO', ({ level, message, meta }) => {
      // The bundler's webpack statistics arrive as one huge INFO message: keep them for debugging only.
      const fields = { temporalLevel: level, ...meta };
      if (level === 'ERROR') log.error(message, fields);
      else if (level === 'WARN') log.warn(message, fields);
      else if (message.startsWith('asset ')) log.debug(message, fields);
      else log.info(message, fields);
    }),
  });
  const dataSource = await openDatabase(databaseConfigFrom(config.DATABASE_URL), { migrate: config.DB_MIGRATE });
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const added = await ensureSearchAttributes(connection, config.TEMPORAL_NAMESPACE);
  if (added.length > 0) log.info('registered search attributes', { added });
  const worker = await createDecisionWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TASK_QUEUE,
    dataSource,
    ...(config.WORKER_MAX_CACHED_WORKFLOWS !== undefined
      ? { maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS }
      : {}),
    ...(config.TLOG_SIGNING_KEY ? { checkpointSigner: parseSignerKey(config.TLOG_SIGNING_KEY) } : {}),
    ...(config.SMTP_URL
      ? { mail: { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, baseUrl: config.PUBLIC_BASE_URL } }
      : {}),
    workflows: config.WORKFLOW_BUNDLE
      ? { bundlePath: config.WORKFLOW_BUNDLE }
      : { workflowsPath: require.resolve('../../../workflows') },
  });
  if (config.TLOG_SIGNING_KEY) {
    const interval = config.TLOG_CHECKPOINT_INTERVAL_SECONDS;
    await ensureCheckpointSchedule(connection, config.TEMPORAL_NAMESPACE, config.TASK_QUEUE, interval);
  } else log.warn('no TLOG_SIGNING_KEY: the transparency log grows but no checkpoint is signed');
  if (config.SMTP_URL) {
    const interval = config.MAIL_INTERVAL_SECONDS;
    await ensureNotificationSchedule(connection, config.TEMPORAL_NAMESPACE, config.TASK_QUEUE, interval);
  } else log.warn('no SMTP_URL: notification mail is queued but not sent');
  log.info('worker started', { taskQueue: config.TASK_QUEUE, temporal: config.TEMPORAL_ADDRESS });
  try {
    await worker.run();
  } finally {
    await connection.close();
    await dataSource.destroy();
    log.info('worker stopped');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
