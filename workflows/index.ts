export { decisionWorkflow } from './decision.workflow';
