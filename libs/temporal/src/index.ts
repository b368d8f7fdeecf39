export { isTemporalHealthy, waitForTemporal } from './connection';
export { ensureSearchAttributes } from './search-attributes';
export { toDomainError } from './update-errors';
export { WORKFLOW_BUNDLER_OPTIONS } from './bundler';
export { startCalendarFanOut } from './calendar-fan-out';
export { ensureCheckpointSchedule, ensureNotificationSchedule } from './singleton-workflow';
export { startDisclosureCase } from './disclosure-start';
export { signalAnnualReportPublished, startAnnualReportClock } from './annual-report-start';
