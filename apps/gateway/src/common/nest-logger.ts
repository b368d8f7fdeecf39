import type { LoggerService } from '@nestjs/common';
import type { Logger } from '../../../../libs/runtime/src';

/** Routes Nest's own log lines into the structured JSON logger. */
export function nestLogger(log: Logger): LoggerService {
  const line = (message: unknown, context: unknown[]): [string, Record<string, unknown>] => [
    String(message),
    context.length > 0 ? { context: context.at(-1) } : {},
  ];
  return {
    log: (message, ...context) => log.info(...line(message, context)),
    warn: (message, ...context) => log.warn(...line(message, context)),
    error: (message, ...context) => log.error(...line(message, context)),
    debug: (message, ...context) => log.debug(...line(message, context)),
    verbose: (message, ...context) => log.debug(...line(message, context)),
  };
}
