import { z } from 'zod';

/** Thrown at start when configuration is invalid; lists every bad variable at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses environment variables with one schema per app, once, at start. Nothing else reads
 * `process.env`. Every problem is reported, not just the first.
 */
export function parseConfig<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`));
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Reusable variable schemas shared by the apps. */
const hostPort = z.string().regex(/^[^:\s]+:\d+$/, 'must be host:port, e.g. 127.0.0.1:7233');

export const env = {
  temporalAddress: hostPort.default('127.0.0.1:7233'),
  logLevel: z.enum(LOG_LEVELS).default('info'),
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  hostPort,
  namespace: z.string().min(1).default('default'),
  databaseUrl: z
    .string()
    .min(1)
    .default('data/open-decision.db')
    .describe('postgres://… for PostgreSQL, otherwise a SQLite file path'),
  bool: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0'])
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true' || value === '1'),
};
