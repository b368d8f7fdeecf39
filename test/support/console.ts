import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { startMediumSystem, type MediumSystem } from './medium';
import { launchBrowser, newContext, type VIEWPORTS } from './browser';
import { createTestDatabase, type TestDatabase } from './databases';
import { uniqueTaskQueue } from './temporal';

export const STAFF_PASSWORD = 'staff-console-password';

/** A system with the demo accounts (password STAFF_PASSWORD) and a browser, for console tests. */
export interface ConsoleHarness {
  db: TestDatabase;
  app: DataSource;
  system: MediumSystem;
  browser: Browser;
  stop(): Promise<void>;
}

export async function startConsoleHarness(
  name: string,
  gatewayEnv: Record<string, string> = {},
): Promise<ConsoleHarness> {
  const db = await createTestDatabase('sqlite');
  const app = await openDatabase(db.config, { migrate: true });
  await seedDemoAccounts(app, STAFF_PASSWORD, new Date());
  const system = await startMediumSystem({
    databaseUrl: db.url,
    taskQueue: uniqueTaskQueue(name),
    gatewayEnv: { OPINION_BURST: '1000', ...gatewayEnv },
  });
  const browser = await launchBrowser();
  return {
    db,
    app,
    system,
    browser,
    async stop() {
      await browser.close();
      await system.stop();
      await app.destroy();
      await db.drop();
    },
  };
}

/** Signs in through the console's form in a fresh context (own cookie jar) and lands on the board. */
export async function signIn(
  harness: ConsoleHarness,
  username: string,
  options: { locale?: 'zh-CN' | 'en'; viewport?: keyof typeof VIEWPORTS } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(harness.browser, { viewport: options.viewport });
  const page = await context.newPage();
  await page.goto(`${harness.system.baseUrl}/console/login?lang=${options.locale ?? 'zh-CN'}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(STAFF_PASSWORD);
  await Promise.all([page.waitForURL(/\/console(\?|$)/), page.locator('main form button[type=submit]').click()]);
  return { context, page };
}
