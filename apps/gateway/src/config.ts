import { z } from 'zod';
import { env, parseConfig } from '../../../libs/runtime/src';

const schema = z.object({
  PORT: env.port(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  TEMPORAL_ADDRESS: env.temporalAddress,
  TEMPORAL_NAMESPACE: env.namespace,
  TASK_QUEUE: z.string().min(1).default('decisions'),
  DATABASE_URL: env.databaseUrl,
  DB_MIGRATE: env.bool(true),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (sign staff tokens)'),
  AUTH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400 * 7).default(8 * 3600),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(256 * 1024),
  OPINION_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  OPINION_BURST: z.coerce.number().int().min(1).default(10),
  LOG_LEVEL: env.logLevel,
});

export type GatewayConfig = z.infer<typeof schema>;

export function loadGatewayConfig(source: Record<string, string | undefined>): GatewayConfig {
  return parseConfig(schema, source);
}
