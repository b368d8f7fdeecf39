export * from './accounts/accounts.repository';
export * from './accounts/demo-seed';
export * from './accounts/password';
export * from './data-source';
export * from './event-log.repository';
export * from './hash';
export * from './public-read.repository';
