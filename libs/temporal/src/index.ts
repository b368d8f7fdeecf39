export { isTemporalHealthy, waitForTemporal } from './connection';
export { ensureSearchAttributes } from './search-attributes';
export { toDomainError } from './update-errors';
export { WORKFLOW_BUNDLER_OPTIONS } from './bundler';
export { startCalendarFanOut } from './calendar-fan-out';
export { ensureCheckpointSchedule } from './checkpoint-schedule';
export { startDisclosureCase } from './disclosure-start';
export { ensureNotificationSchedule } from './notification-schedule';
