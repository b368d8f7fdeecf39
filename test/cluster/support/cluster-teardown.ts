/** Stops every node of the tier's cluster and drops its databases. */
export default async function clusterTeardown(): Promise<void> {
  const running = globalThis.odCluster;
  if (!running) return;
  await new Promise<void>((closed) => running.control.close(() => closed()));
  await running.cluster.stop();
}
