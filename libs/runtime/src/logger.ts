import type { LogLevel } from './config';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

function errorFields(value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}

/** Structured logs: one JSON object per line on stdout (`time`, `level`, `app`, `msg`, fields). */
export function createLogger(app: string, level: LogLevel, base: Record<string, unknown> = {}): Logger {
  const write = (entryLevel: LogLevel, msg: string, fields: Record<string, unknown> = {}): void => {
    if (ORDER[entryLevel] < ORDER[level]) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level: entryLevel, app, msg, ...base };
    for (const [key, value] of Object.entries(fields)) entry[key] = errorFields(value);
    process.stdout.write(`${JSON.stringify(entry)}\n`);
  };
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (fields) => createLogger(app, level, { ...base, ...fields }),
  };
}
