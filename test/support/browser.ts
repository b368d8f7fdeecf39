import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserServer, type Page } from 'playwright-core';
import { repoRoot } from './env';

/**
 * Browser tests drive Debian's Chromium (installed by .ci/run) through playwright-core; no browser is
 * ever downloaded (DESIGN.md §8). Flags: headless, no sandbox (CI runs as root), and no background
 * networking (this machine's network is closed; Chromium would otherwise retry Google's hosts).
 */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const LAUNCH_OPTIONS = {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
};

/** Where the run's one Chromium listens (set by the medium tier's global setup, browser-server.ts). */
export const BROWSER_WS_ENV = 'OD_TEST_BROWSER_WS';

/** Starts the run's one Chromium as a server (the medium project's global setup); files connect to it. */
export async function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer(LAUNCH_OPTIONS);
}

/**
 * The browser a test file uses: a connection to the run's one Chromium when the global setup started it
 * (closing it only disconnects and drops this file's contexts), else a Chromium of its own. Each test
 * still opens a fresh context (`newContext`), so no cookie or storage crosses files.
 */
export async function launchBrowser(): Promise<Browser> {
  const endpoint = process.env[BROWSER_WS_ENV];
  if (endpoint) return chromium.connect(endpoint);
  return chromium.launch(LAUNCH_OPTIONS);
}

export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

/** A fresh context (no cookies); `javaScript: false` proves a page works without scripts. */
export async function newContext(
  browser: Browser,
  options: { javaScript?: boolean; viewport?: keyof typeof VIEWPORTS; locale?: string } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: VIEWPORTS[options.viewport ?? 'desktop'],
    locale: options.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

/** Console errors and CSP violations a page reports; a test asserts the list is empty. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string }[];
}

let axeSource: string | undefined;

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and returns the serious and critical
 * violations. Needs a context with JavaScript enabled (check no-JS behaviour in another context). The script is evaluated through the DevTools protocol, which the page's CSP does not
 * govern, so the page under test keeps its real policy.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= (await import('node:fs')).readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Writes a full-page screenshot to build-output/screenshots/<name>-<viewport>.png (build output, not
 * committed) for a person to look at.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(repoRoot(), 'build-output', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const size = page.viewportSize();
  const label = size && size.width < 600 ? 'phone' : 'desktop';
  const file = join(dir, `${name}-${label}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
