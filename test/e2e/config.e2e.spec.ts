import { startApp } from '../support/apps';

describe('configuration is validated once at start', () => {
  it('the gateway refuses to start and lists every bad variable', async () => {
    const gateway = startApp('gateway', { PORT: 'eighty', TEMPORAL_ADDRESS: 'no-port-here', LOG_LEVEL: 'loud' });
    expect(await gateway.exited).toBe(1);
    const output = gateway.output();
    for (const variable of ['PORT', 'TEMPORAL_ADDRESS', 'AUTH_SECRET', 'LOG_LEVEL']) expect(output).toContain(variable);
  });

  it('the worker refuses to start and lists every bad variable', async () => {
    const worker = startApp('worker', { TEMPORAL_ADDRESS: 'localhost', DB_MIGRATE: 'maybe' });
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toMatch(/TEMPORAL_ADDRESS[\s\S]*DB_MIGRATE|DB_MIGRATE[\s\S]*TEMPORAL_ADDRESS/);
  });
});
