import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { databaseConfigFrom, openDatabase } from '../../../libs/persistence/src';
import { ConfigError, createLogger } from '../../../libs/runtime/src';
import { loadGatewayConfig } from './config';
import { createGateway } from './gateway';

/**
 * The gateway process. The Temporal connection is lazy so that public reads keep working while
 * Temporal is down (staff actions then answer 503 TEMPORAL_UNAVAILABLE, or OUTCOME_UNKNOWN past the bound). SIGINT/SIGTERM close HTTP, then Temporal, then the
 * database.
 */
async function main(): Promise<void> {
  const config = loadGatewayConfig(process.env);
  const log = createLogger('gateway', config.LOG_LEVEL);
  const dataSource = await openDatabase(databaseConfigFrom(config.DATABASE_URL), { migrate: config.DB_MIGRATE });
  // The SDK's default gRPC retry (10 attempts, backoff to 5 s) kept a staff request ~21 s on an
  // unreachable server; a few quick attempts answer TEMPORAL_UNAVAILABLE at once (ADR 0027).
  const interceptors = [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: config.TEMPORAL_RPC_ATTEMPTS }))];
  const connection = Connection.lazy({ address: config.TEMPORAL_ADDRESS, interceptors });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const app = await createGateway({ config, dataSource, client, log });
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  log.info('gateway listening', { url: `http://${config.HOST}:${port}`, port });

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info('gateway stopping', { signal });
    await app.close();
    await connection.close();
    await dataSource.destroy();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, (s) => void stop(s));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
