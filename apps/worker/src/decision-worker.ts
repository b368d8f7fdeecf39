import { type NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { WORKFLOW_BUNDLER_OPTIONS } from '../../../libs/temporal/src';
import { createActivities } from './activities';

/** Where the workflow code comes from: a prebuilt bundle (production, tests) or the sources (development). */
export type WorkflowSource = { bundlePath: string } | { workflowsPath: string };

export interface DecisionWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  workflows: WorkflowSource;
}

/** Builds the worker that runs decision workflows and their activities on one task queue. */
export async function createDecisionWorker(options: DecisionWorkerOptions): Promise<Worker> {
  const { connection, namespace, taskQueue, dataSource, workflows } = options;
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    activities: createActivities(dataSource),
    ...('bundlePath' in workflows
      ? { workflowBundle: { codePath: workflows.bundlePath } }
      : { workflowsPath: workflows.workflowsPath, bundlerOptions: WORKFLOW_BUNDLER_OPTIONS }),
  });
}
