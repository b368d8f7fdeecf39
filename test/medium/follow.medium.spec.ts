import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { appendEvents } from '../../libs/persistence/src';
import { collectPageErrors, launchBrowser, newContext, screenshot, seriousAxeViolations } from '../support/browser';
import { openTestDatabase, type TestDatabase } from '../support/databases';
import { eventually } from '../support/eventually';
import { seedDecision } from '../support/feedback-seed';
import { captureLogs } from '../support/log-capture';
import { startMailbox, type Mailbox, type ReceivedMail } from '../support/mailbox';
import { startMediumSystem, type MediumSystem } from '../support/medium';
import { uniqueTaskQueue } from '../support/temporal';

const MAIL_BASE = 'https://decisions.example.gov.cn';
const ID = 'follow-browser';
const ADDRESS = 'reader@example.com';

/** The token of a mailed link (`/follow/confirm` or `/follow/unsubscribe`). */
const tokenIn = (mail: ReceivedMail, path: string): string => {
  const found = new RegExp(`${MAIL_BASE}${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!found) throw new Error(`no ${path} link in the mail`);
  return found[1]!;
};

/** Following a decision in a real browser (ADR 95): form, confirmation mail, confirm, a step, unsubscribe. */
describe('following a decision by e-mail in a real browser', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let mailbox: Mailbox;
  let system: MediumSystem;
  let browser: Browser;
  const mailTo = (): ReceivedMail[] => mailbox.messages().filter((mail) => mail.to.includes(ADDRESS));
  /** The in-process gateway's (at `debug`, so every request) and worker's logs (ADR 94: no address). */
  const logs = captureLogs();

  beforeAll(async () => {
    logs.start();
    ({ db, dataSource } = await openTestDatabase('sqlite'));
    await seedDecision(dataSource, ID, [], { sealed: false });
    mailbox = await startMailbox();
    system = await startMediumSystem({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue('follow'),
      gatewayEnv: { LOG_LEVEL: 'debug' },
      mail: { smtpUrl: mailbox.url, from: 'Open Decision <no-reply@example.gov.cn>', baseUrl: MAIL_BASE },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    logs.stop();
    await browser?.close();
    await system?.stop();
    await mailbox?.close();
    await dataSource?.destroy();
    await db?.drop();
  });

  async function publicStep(seq: number): Promise<void> {
    const at = `2026-12-1${seq}T00:00:00.000Z`;
    await appendEvents(dataSource, ID, {
      public: [
        {
          seq,
          type: 'ConsultationExtended',
          occurredAt: at,
          actor: { unit: 'unit-a', role: 'drafter' },
          data: { previousClosesAt: at, closesAt: at, reason: '延期' },
        },
      ],
      internal: [],
    });
  }

  async function expectAccessible(page: Page, heading: string, shot: string): Promise<void> {
    await expect(page.locator('h1').textContent()).resolves.toBe(heading);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, shot);
  }

  it('follows, confirms, receives a step and unsubscribes, with no serious axe violation on any page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${system.baseUrl}/decisions/${ID}`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('接收通知的电子邮箱').fill(ADDRESS);
    await page.getByRole('button', { name: '关注' }).click();
    await expectAccessible(page, '请查收确认邮件', 'follow-sent');

    const [confirmation] = await eventually(() => (mailTo().length > 0 ? mailTo() : undefined), {
      what: 'the confirmation mail',
    });
    const token = tokenIn(confirmation!, '/follow/confirm');
    await page.goto(`${system.baseUrl}/follow/confirm?token=${token}`);
    await expectAccessible(page, '确认关注', 'follow-confirm');
    await page.getByRole('button', { name: '确认关注' }).click();
    await expectAccessible(page, '已确认关注', 'follow-confirmed');

    await publicStep(1);
    const step = await eventually(() => mailTo().find((mail) => mail.subject.startsWith('征求意见延期')), {
      what: 'the mail of the step',
    });
    expect(tokenIn(step, '/follow/unsubscribe')).toBe(token);
    await page.goto(`${system.baseUrl}/follow/unsubscribe?token=${token}&lang=en`);
    await expectAccessible(page, 'Unsubscribe', 'follow-unsubscribe-en');
    await page.goto(`${system.baseUrl}/follow/unsubscribe?token=${token}&lang=zh-CN`);
    await expectAccessible(page, '退订通知', 'follow-unsubscribe');
    await page.getByRole('button', { name: '退订' }).click();
    await expectAccessible(page, '已退订', 'follow-unsubscribed');

    // Queued in the step's own transaction: an unsubscribed reader has nothing queued, so nothing comes.
    await publicStep(2);
    const queued = (await dataSource.query(
      `SELECT count(*) AS n FROM notification_outbox WHERE decision_id = '${ID}' AND seq = 2`,
    )) as Array<{ n: number | string }>;
    expect(Number(queued[0]!.n)).toBe(0);
    expect(mailTo()).toHaveLength(2);
    expect(errors).toEqual([]);
    await context.close();

    // The logs saw the follow, confirm and unsubscribe requests, and neither the address nor the token.
    expect(logs.requests()).toEqual(
      expect.arrayContaining([
        `POST /decisions/${ID}/follow`,
        'GET /follow/confirm?token=*',
        'POST /follow/confirm',
        'POST /follow/unsubscribe?lang=zh-CN',
      ]),
    );
    expect({ address: logs.text().includes(ADDRESS), token: logs.text().includes(token) }).toEqual({
      address: false,
      token: false,
    });
  });

  it('works without JavaScript and shows a refused address in plain words', async () => {
    const context = await newContext(browser, { javaScript: false, viewport: 'phone' });
    const page = await context.newPage();
    await page.goto(`${system.baseUrl}/decisions/${ID}?lang=en`);
    await page.getByLabel('E-mail for the updates').fill('reader@localhost');
    // The browser's own check would stop a malformed address; this one passes it and the server refuses it.
    await page.getByRole('button', { name: 'Follow' }).click();
    await expect(page.locator('#follow-error').textContent()).resolves.toContain('The e-mail address is not valid.');
    await screenshot(page, 'follow-refused-en');
    await context.close();
  });
});
