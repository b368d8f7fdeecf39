import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { followDecision } from '../../libs/persistence/src';
import { ensureNotificationSchedule } from '../../libs/temporal/src';
import { notificationOutboxWorkflowId } from '../../workflows/definitions';
import { openTestDatabase, type TestDatabase } from '../support/databases';
import { eventually } from '../support/eventually';
import { seedDecision } from '../support/feedback-seed';
import { startMailbox, type Mailbox } from '../support/mailbox';
import { startWorker, testClient, uniqueTaskQueue, type RunningWorker } from '../support/temporal';

/**
 * The outbox's sender as deployed: a worker with SMTP settings, its workflow started by
 * `ensureNotificationSchedule`, a real SMTP server that is down at first.
 */
describe('the notification outbox workflow', () => {
  const taskQueue = uniqueTaskQueue('mail');
  let db: TestDatabase;
  let dataSource: DataSource;
  let client: Client;
  let worker: RunningWorker | undefined;
  let mailbox: Mailbox | undefined;

  beforeAll(async () => {
    ({ db, dataSource } = await openTestDatabase('sqlite'));
    client = await testClient();
  });
  afterAll(async () => {
    await client.workflow
      .getHandle(notificationOutboxWorkflowId(taskQueue))
      .terminate('test over')
      .catch(() => undefined);
    await worker?.stop();
    await mailbox?.close();
    await client.connection.close();
    await dataSource.destroy();
    await db.drop();
  });

  it('sends a queued message once, retrying the activity while the SMTP server is down', async () => {
    // The server's port is taken, then closed: the first attempts find nobody listening.
    const down = await startMailbox();
    const port = Number(new URL(down.url).port);
    await down.close();
    const settings = {
      smtpUrl: down.url,
      from: 'Open Decision <no-reply@example.gov.cn>',
      baseUrl: 'http://127.0.0.1:3000',
    };
    worker = await startWorker(dataSource, taskQueue, { mail: settings });
    await seedDecision(dataSource, 'mail-wf', [], { sealed: false });
    await followDecision(dataSource, { decisionId: 'mail-wf', email: 'wf@example.com', lang: 'zh-CN' }, new Date());
    await ensureNotificationSchedule(client.connection, 'default', taskQueue, 1);
    const handle = client.workflow.getHandle(notificationOutboxWorkflowId(taskQueue));
    await eventually(
      async () => {
        const pending = (await handle.describe()).raw.pendingActivities ?? [];
        return pending.some((activity) => (activity.attempt ?? 0) >= 2) || undefined;
      },
      { what: 'a retried sendNotifications' },
    );

    mailbox = await startMailbox(port);
    const [mail] = await eventually(() => (mailbox!.messages().length > 0 ? mailbox!.messages() : undefined), {
      what: 'the confirmation mail',
      timeoutMs: 20_000,
    });
    expect(mail!.to).toContain('wf@example.com');
    const rows = (await dataSource.query(`SELECT status, attempts FROM notification_outbox`)) as Array<{
      status: string;
      attempts: number;
    }>;
    expect(rows).toEqual([{ status: 'sent', attempts: expect.any(Number) }]);
    expect(mailbox.messages()).toHaveLength(1);
  });
});
