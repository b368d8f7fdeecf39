import { type NativeConnection, Worker } from '@temporalio/worker';
import { getHeapStatistics } from 'node:v8';
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
  /** Running workflows kept in memory (`WORKER_MAX_CACHED_WORKFLOWS`); default {@link workflowCacheSize}. */
  maxCachedWorkflows?: number;
}

/**
 * Memory budgeted per cached decision workflow (ADR 0128): measured ~3 MiB with 293 cached (1,291 MiB resident
 * against ~430 MiB idle) and ~4.7 MiB with 605 (2.9–3.3 GiB with 10,000 open decisions), rounded up to 6.
 */
export const CACHED_WORKFLOW_MIB = 6;

/**
 * How many running workflows a worker keeps in memory by default (ADR 0128): the heap less 512 MiB for the
 * worker itself, at {@link CACHED_WORKFLOW_MIB} each — about 600 with Node's default heap on a 24 GiB machine.
 * The SDK's own default assumes ~1.7 MiB a workflow (2,310 here), and a worker with 3,000 open decisions died.
 * An evicted workflow is replayed from its history (under 4,096 events) when its next task comes.
 */
export function workflowCacheSize(heapLimitMiB = getHeapStatistics().heap_size_limit / 1024 / 1024): number {
  return Math.max(10, Math.floor((heapLimitMiB - 512) / CACHED_WORKFLOW_MIB));
}

/** Builds the worker that runs decision workflows and their activities on one task queue. */
export async function createDecisionWorker(options: DecisionWorkerOptions): Promise<Worker> {
  const { connection, namespace, taskQueue, dataSource, workflows } = options;
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    maxCachedWorkflows: options.maxCachedWorkflows ?? workflowCacheSize(),
    activities: createActivities(dataSource, options.checkpointSigner, options.mail, options.appendOptions),
    ...('bundlePath' in workflows
      ? { workflowBundle: { codePath: workflows.bundlePath } }
      : { workflowsPath: workflows.workflowsPath, bundlerOptions: WORKFLOW_BUNDLER_OPTIONS }),
  });
}
