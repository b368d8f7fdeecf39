import { type NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import type { AppendEventsOptions } from '../../../libs/persistence/src';
import type { NoteSigner } from '../../../libs/transparency/src';
import { WORKFLOW_BUNDLER_OPTIONS } from '../../../libs/temporal/src';
import { createActivities } from './activities';
import type { MailSettings } from './mail/outbox-drain';

/** Where the workflow code comes from: a prebuilt bundle (production, tests) or the sources (development). */
export type WorkflowSource = { bundlePath: string } | { workflowsPath: string };

export interface DecisionWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  workflows: WorkflowSource;
  /** The transparency log's signing key; the checkpoint activity refuses without one. */
  checkpointSigner?: NoteSigner;
  /**
   * Only the tree-cost benchmark's worker (test/bench/worker-without-tree.ts, ADR 0110) sets this, to leave
   * the transparency tree out; main.ts never does, and no setting reaches it.
   */
  appendOptions?: AppendEventsOptions;
  /** SMTP settings; without them the notification activity refuses and the outbox waits. */
  mail?: MailSettings;
}

/** Builds the worker that runs decision workflows and their activities on one task queue. */
export async function createDecisionWorker(options: DecisionWorkerOptions): Promise<Worker> {
  const { connection, namespace, taskQueue, dataSource, workflows } = options;
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    activities: createActivities(dataSource, options.checkpointSigner, options.mail, options.appendOptions),
    ...('bundlePath' in workflows
      ? { workflowBundle: { codePath: workflows.bundlePath } }
      : { workflowsPath: workflows.workflowsPath, bundlerOptions: WORKFLOW_BUNDLER_OPTIONS }),
  });
}
