import type { BrowserServer } from 'playwright-core';
import { BROWSER_WS_ENV, launchBrowserServer } from './browser';

declare global {
  var odBrowserServer: BrowserServer | undefined;
}

/**
 * The medium project's global setup: one Chromium for the run (ADR 36), which every browser file connects
 * to. Jest runs a project's global setup only when the run includes tests of that project.
 */
export default async function browserSetup(): Promise<void> {
  if (globalThis.odBrowserServer) return;
  globalThis.odBrowserServer = await launchBrowserServer();
  process.env[BROWSER_WS_ENV] = globalThis.odBrowserServer.wsEndpoint();
}
