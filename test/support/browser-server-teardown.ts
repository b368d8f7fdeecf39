/** The medium project's global teardown: closes the run's one Chromium. */
export default async function browserTeardown(): Promise<void> {
  await globalThis.odBrowserServer?.close();
  globalThis.odBrowserServer = undefined;
}
