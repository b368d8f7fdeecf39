import { resolve } from 'node:path';

/** Names of the variables the global setup hands to test files. */
export const TEST_ENV = {
  temporalAddress: 'OD_TEST_TEMPORAL_ADDRESS',
  workflowBundle: 'OD_TEST_WORKFLOW_BUNDLE',
} as const;

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest (global setup sets it).`);
  return value;
}

export const repoRoot = (): string => resolve(__dirname, '..', '..');
