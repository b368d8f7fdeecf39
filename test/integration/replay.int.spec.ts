import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requiredEnv, TEST_ENV } from '../support/env';

const REPLAY_DIR = join(__dirname, '..', 'replay');
const histories = readdirSync(REPLAY_DIR).filter((file) => file.endsWith('.history.json'));

/**
 * Every recorded history in test/replay/ must replay against the current workflow code: a change that
 * would break running decisions fails here (put it behind `patched()`). Record new histories with
 * `RECORD_REPLAY_HISTORIES=1 npx jest test/integration/decision-workflow`.
 */
describe('replay of recorded decision histories', () => {
  beforeAll(() => {
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      // already installed by another suite in this worker
    }
  });

  it('has recorded histories to replay', () => {
    expect(histories.length).toBeGreaterThan(0);
  });

  it.each(histories)('replays %s without non-determinism', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(REPLAY_DIR, file), 'utf8')));
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: requiredEnv(TEST_ENV.workflowBundle) } }, history, file),
    ).resolves.toBeUndefined();
  });
});
