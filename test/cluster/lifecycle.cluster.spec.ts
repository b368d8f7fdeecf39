import { describeLifecycle } from '../support/lifecycle-suite';
import { startReplicas } from '../support/replicas';
import { clusterAddress, clusterNamespace } from './support/cluster-env';

// The lifecycle e2e on the production topology (issue 15): two gateways and two workers of the built apps on
// the tier's Temporal cluster and PostgreSQL. Every request goes to the first gateway; the second shares the
// work of the task queue's workers only (its own requests are the fault tier's).
describeLifecycle('Temporal cluster, PostgreSQL', 'postgres', async (databaseUrl, taskQueue) => {
  const namespace = { TEMPORAL_NAMESPACE: clusterNamespace() };
  const replicas = await startReplicas({
    databaseUrl,
    taskQueue,
    temporalAddress: clusterAddress(),
    gateways: 1,
    workers: 2,
    gatewayEnv: namespace,
    workerEnv: namespace,
  });
  return { baseUrl: replicas.baseUrls[0]!, stop: () => replicas.stop() };
});
