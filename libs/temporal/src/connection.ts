import { Connection, type ConnectionLike } from '@temporalio/client';

/** Whether the Temporal frontend answers (GetSystemInfo) within `timeoutMs`. */
export async function isTemporalHealthy(connection: ConnectionLike, timeoutMs = 2_000): Promise<boolean> {
  try {
    await connection.withDeadline(Date.now() + timeoutMs, () => connection.workflowService.getSystemInfo({}));
    return true;
  } catch {
    return false;
  }
}

/** Waits until a Temporal frontend at `address` is serving, polling; throws after `timeoutMs`. */
export async function waitForTemporal(address: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        if (await isTemporalHealthy(connection)) return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `Temporal at ${address} did not become healthy within ${timeoutMs} ms: ${lastError instanceof Error ? lastError.message : 'not serving'}`,
  );
}
