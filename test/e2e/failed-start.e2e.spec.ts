import { createServer } from 'node:net';
import { startSystem, SystemStartError } from '../support/apps';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { openDatabase } from '../../libs/persistence/src';
import { uniqueTaskQueue } from '../support/temporal';

/** True while a process with this pid exists (signal 0 only checks). */
function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether `port` on 127.0.0.1 can be listened on again. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function failedStart(options: Parameters<typeof startSystem>[0]): Promise<SystemStartError> {
  const error = await startSystem(options).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(SystemStartError);
  return error as SystemStartError;
}

describe('startSystem stops what it started when start-up fails', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    await (await openDatabase(db.config, { migrate: true })).destroy();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('kills the worker when the gateway exits at start (a bad variable)', async () => {
    const error = await failedStart({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue('failed-start'),
      gatewayEnv: { LOG_LEVEL: 'loud' },
    });
    expect(error.message).toMatch(/gateway exited/);
    expect(error.message).toContain('LOG_LEVEL');
    expect(error.started).toHaveLength(2);
    for (const app of error.started) {
      expect(app.child.exitCode !== null || app.child.signalCode !== null).toBe(true);
      expect(alive(app.child.pid)).toBe(false);
    }
    expect(await portIsFree(error.port)).toBe(true);
  });

  it('kills the gateway and the worker and frees the port when the gateway is not ready in time', async () => {
    const error = await failedStart({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue('failed-start'),
      readyTimeoutMs: 1,
    });
    expect(error.message).toMatch(/not met within 1 ms/);
    expect(error.started).toHaveLength(2);
    for (const app of error.started) expect(alive(app.child.pid)).toBe(false);
    expect(await portIsFree(error.port)).toBe(true);
  });
});
