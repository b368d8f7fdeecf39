import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { databaseConfigFrom, openDatabase } from '../../../libs/persistence/src';
import { createLogger, type Logger } from '../../../libs/runtime/src';
import { loadGatewayConfig } from './config';
import { createGateway } from './gateway';

/** A gateway listening on its port, and the one way to stop it. */
export interface ServingGateway {
  /** The port it listens on (the configured PORT, or the one the system chose for PORT=0). */
  port: number;
  log: Logger;
  /** Closes HTTP, then the Temporal connection, then the database. */
  close(): Promise<void>;
}

/**
 * Everything the gateway process does between reading its environment and listening: configuration
 * (refused with a ConfigError listing every bad variable), database, a lazy Temporal connection, the
 * HTTP application. `main.ts` adds the signals; the medium test tier (ADR 36) serves the built gateway
 * in-process through this same function, so what it tests is what ships.
 */
export async function serveGateway(env: NodeJS.ProcessEnv): Promise<ServingGateway> {
  const config = loadGatewayConfig(env);
  const log = createLogger('gateway', config.LOG_LEVEL);
  const dataSource = await openDatabase(databaseConfigFrom(config.DATABASE_URL), { migrate: config.DB_MIGRATE });
  // The SDK's default gRPC retry (10 attempts, backoff to 5 s) kept a staff request ~21 s on an
  // unreachable server; a few quick attempts answer TEMPORAL_UNAVAILABLE at once (ADR 0027).
  const interceptors = [
    makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: config.TEMPORAL_RPC_ATTEMPTS })),
  ];
  const connection = Connection.lazy({ address: config.TEMPORAL_ADDRESS, interceptors });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  try {
    const app = await createGateway({ config, dataSource, client, log });
    await app.listen({ port: config.PORT, host: config.HOST });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    log.info('gateway listening', { url: `http://${config.HOST}:${port}`, port });
    return {
      port,
      log,
      async close() {
        await app.close();
        await connection.close();
        await dataSource.destroy();
      },
    };
  } catch (error) {
    await connection.close();
    await dataSource.destroy();
    throw error;
  }
}
