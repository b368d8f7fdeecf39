import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { openDatabase } from '../../../../../libs/persistence/src';
import { createLogger } from '../../../../../libs/runtime/src';
import { loadGatewayConfig } from '../../config';
import { createGateway } from '../../gateway';

/**
 * `node dist/apps/gateway/src/site-shell/openapi/dump-openapi.js FILE`: writes the document the gateway serves at
 * /api/docs-json to FILE, for `npm run lint:openapi` (Redocly, ADR 0041). It builds the real gateway on
 * a throwaway SQLite file; the Temporal connection is lazy and never used.
 */
async function main(file: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'od-openapi-'));
  const config = loadGatewayConfig({
    DATABASE_URL: join(dir, 'db.sqlite'),
    AUTH_SECRET: 'x'.repeat(32),
    LOG_LEVEL: 'error',
  });
  const dataSource = await openDatabase({ kind: 'sqlite', file: join(dir, 'db.sqlite') }, { migrate: true });
  const connection = Connection.lazy({ address: '127.0.0.1:7233' });
  const app = await createGateway({
    config,
    dataSource,
    client: new Client({ connection }),
    log: createLogger('openapi', 'error'),
  });
  try {
    await app.init();
    const response = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/docs-json' });
    if (response.statusCode !== 200) throw new Error(`GET /api/docs-json answered ${response.statusCode}`);
    writeFileSync(file, `${JSON.stringify(JSON.parse(response.body), null, 2)}\n`);
  } finally {
    await app.close();
    await connection.close();
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: dump-openapi FILE\n');
  process.exit(2);
}
main(file).catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
