export { decisionWorkflow } from './decision.workflow';
export { calendarChangeWorkflow } from './calendar-change.workflow';
export { transparencyCheckpointWorkflow } from './transparency-checkpoint.workflow';
export { disclosureRequestWorkflow } from './disclosure-request.workflow';
export { notificationOutboxWorkflow } from './notification-outbox.workflow';
export { annualReportWorkflow } from './annual-report.workflow';
