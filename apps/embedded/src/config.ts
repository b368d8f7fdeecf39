import { z } from 'zod';
import { env, parseConfig } from '../../../libs/runtime/src';

const schema = z.object({
  PORT: env.port(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('data'),
  /** When set, the apps use this Temporal and no dev server is started. */
  TEMPORAL_ADDRESS: env.hostPort.optional(),
  TEMPORAL_NAMESPACE: env.namespace,
  TEMPORAL_PORT: env.port(7233),
  TEMPORAL_UI_PORT: env.port(8233),
  DATABASE_URL: z.string().min(1).optional(),
  DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: env.logLevel,
});

export type EmbeddedConfig = z.infer<typeof schema>;

export function loadEmbeddedConfig(source: Record<string, string | undefined>): EmbeddedConfig {
  return parseConfig(schema, source);
}
