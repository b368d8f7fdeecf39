export { ConfigError, env, LOG_LEVELS, type LogLevel, parseConfig } from './config';
export { createLogger, type Logger } from './logger';
