import { databaseConfigFrom, openDatabase, rebuildReadModels } from '../../../libs/persistence/src';
import { ConfigError, createLogger } from '../../../libs/runtime/src';
import { loadWorkerConfig } from './config';

/** `npm run rebuild-read-models`: rebuilds every read model from the logs (DATABASE_URL as the worker). */
async function main(): Promise<void> {
  const config = loadWorkerConfig(process.env);
  const log = createLogger('rebuild-read-models', config.LOG_LEVEL);
  const dataSource = await openDatabase(databaseConfigFrom(config.DATABASE_URL), { migrate: config.DB_MIGRATE });
  try {
    const started = Date.now();
    const decisions = await rebuildReadModels(dataSource);
    log.info('read models rebuilt', { decisions, ms: Date.now() - started });
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
