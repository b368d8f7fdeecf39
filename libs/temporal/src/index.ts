export * from '../../../workflows/definitions';
export * from './connection';
export * from './search-attributes';
export * from './update-errors';
export * from './dev-server';
export * from './bundler';
export * from './calendar-fan-out';
