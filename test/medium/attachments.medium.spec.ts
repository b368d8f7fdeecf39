import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectPageErrors, newContext, screenshot, seriousAxeViolations } from '../support/browser';
import { signIn, startConsoleHarness, STAFF_PASSWORD, type ConsoleHarness } from '../support/console';
import { aRegistration } from '../support/decisions';
import { eventually } from '../support/eventually';
import { call, login } from '../support/http';
import { act, inSeconds, published, type Staff } from './support/public-staff';
import { assertAttachmentNotPublic } from './support/public-surfaces';

// Attachments end to end (issue 17 item 1, ADR 87): a PDF attached to the draft through the console's
// upload form (multipart, no JavaScript needed), published with the draft and downloaded in Chromium
// with the right headers; a file that is not an allowed type refused; a confidential decision's file not
// downloadable; an upload retried with its Idempotency-Key stored and logged once. The gateway keeps
// the files in a directory (ATTACHMENT_STORE=directory:…).

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PDF_SHA = createHash('sha256').update(PDF).digest('hex');
const SECRET_TITLE = '涉密决策的附件不得下载';

async function upload(
  baseUrl: string,
  token: string,
  id: string,
  file: { name: string; bytes: Buffer },
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  const response = await fetch(`${baseUrl}/api/v1/decisions/${id}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...headers },
    body: form,
  });
  return { status: response.status, body: await response.json() };
}

const attachmentEntries = async (baseUrl: string, id: string): Promise<Array<{ data: Record<string, unknown> }>> =>
  (
    (await call(baseUrl, 'GET', `/api/v1/public/decisions/${id}/timeline`)).body.entries as Array<{
      type: string;
      data: Record<string, unknown>;
    }>
  ).filter((e) => e.type === 'AttachmentAdded');

describe('attachments: upload in the console, download by the public', () => {
  let harness: ConsoleHarness;
  let directory: string;
  const staff: Staff = { baseUrl: '', tokens: {} };
  let id: string;
  let base: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'od-attachments-'));
    harness = await startConsoleHarness('attachments', { ATTACHMENT_STORE: `directory:${directory}` });
    base = harness.system.baseUrl;
    staff.baseUrl = base;
    for (const user of ['drafter', 'reviewer', 'manager']) staff.tokens[user] = await login(base, user, STAFF_PASSWORD);
    id = (await call(base, 'POST', '/api/v1/decisions', { token: staff.tokens['drafter'], json: aRegistration() })).body
      .decisionId as string;
    await act(staff, 'drafter', id, 'draft-versions', { draft: '第一条 草案。', basis: '依据', explanation: '说明' });
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('attaches a PDF through the console form without JavaScript, and publishes it with the draft', async () => {
    const context = await newContext(harness.browser, { javaScript: false });
    const console = await context.newPage();
    await console.goto(`${base}/console/login`);
    await console.locator('#username').fill('drafter');
    await console.locator('#password').fill(STAFF_PASSWORD);
    await Promise.all([
      console.waitForURL(/\/console(\?|$)/),
      console.locator('main form button[type=submit]').click(),
    ]);
    const errors = collectPageErrors(console);
    await console.goto(`${base}/console/decisions/${id}`);
    const form = console.locator('#act-attachments');
    await form.locator('summary').click();
    await form.getByLabel('附件所属').selectOption('draft');
    await form
      .locator('input[type=file]')
      .setInputFiles({ name: '征求意见稿.pdf', mimeType: 'application/pdf', buffer: PDF });
    await Promise.all([console.waitForURL(/done=attachments/), form.getByRole('button', { name: '上传附件' }).click()]);
    expect(errors).toEqual([]);
    // Not public while the draft is not: nothing in the log, nothing to download.
    expect(await attachmentEntries(base, id)).toEqual([]);
    const early = await call(base, 'GET', `/decisions/${id}/attachments/${PDF_SHA}`);
    expect([early.status, early.body.code]).toEqual([404, 'ATTACHMENT_NOT_FOUND']);

    const opensAt = inSeconds(3600);
    await act(staff, 'drafter', id, 'consultation-plan', {
      channels: ['online'],
      opensAt,
      closesAt: new Date(Date.parse(opensAt) + 40 * 86_400_000).toISOString(),
    });
    await published(staff, id, 'submit-for-publication', {});
    await eventually(async () => (await attachmentEntries(base, id)).length === 1, {
      timeoutMs: 30_000,
      intervalMs: 250,
      what: 'the attachment on the public log',
    });
    expect((await attachmentEntries(base, id))[0]!.data).toEqual({
      target: 'draft',
      version: 1,
      name: '征求意见稿.pdf',
      type: 'pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: PDF_SHA,
    });
    await context.close();
  }, 120_000);

  it('lists the file on the decision page and a reader downloads it with the right headers', async () => {
    const reply = await fetch(`${base}/decisions/${id}/attachments/${PDF_SHA}`);
    expect(reply.status).toBe(200);
    expect(
      Object.fromEntries(
        ['content-type', 'content-disposition', 'etag', 'cache-control', 'x-content-type-options'].map((h) => [
          h,
          reply.headers.get(h),
        ]),
      ),
    ).toEqual({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="_____.pdf"; filename*=UTF-8''%E5%BE%81%E6%B1%82%E6%84%8F%E8%A7%81%E7%A8%BF.pdf`,
      etag: `"${PDF_SHA}"`,
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    expect(Buffer.from(await reply.arrayBuffer()).equals(PDF)).toBe(true);
    const again = await fetch(`${base}/decisions/${id}/attachments/${PDF_SHA}`, {
      headers: { 'if-none-match': `"${PDF_SHA}"` },
    });
    expect(again.status).toBe(304);

    const context = await harness.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${base}/decisions/${id}`);
    const item = page.locator('#attachments-h + ul li').first();
    await expect(item.textContent()).resolves.toContain(`PDF · ${PDF.length} B`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      item.getByRole('link', { name: '征求意见稿.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('征求意见稿.pdf');
    const saved = join(directory, 'downloaded.pdf'); // the browser may run remotely: save a copy
    await download.saveAs(saved);
    expect((await readFile(saved)).equals(PDF)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'decision-attachments');
    await page.goto(`${base}/decisions/${id}?lang=en`);
    await expect(page.locator('#attachments-h').textContent()).resolves.toBe('Attachments');
    await expect(page.locator('#attachments-h + ul li').first().textContent()).resolves.toContain(
      `PDF · ${PDF.length} B · Draft version 1`,
    );
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('refuses a file that is not an allowed type by its content, in the API and the console', async () => {
    const html = { name: '决定.pdf', bytes: Buffer.from('<html><script>alert(1)</script></html>') };
    const refused = await upload(base, staff.tokens['drafter']!, id, html, { target: 'draft' });
    expect([refused.status, refused.body.code]).toEqual([422, 'ATTACHMENT_TYPE_NOT_ALLOWED']);
    const missing = await call(base, 'POST', `/api/v1/decisions/${id}/attachments`, {
      token: staff.tokens['drafter'],
      json: { target: 'draft', name: 'x', sha256: PDF_SHA, size: 1, type: 'pdf' },
    });
    expect([missing.status, missing.body.code]).toEqual([422, 'ATTACHMENT_FILE_REQUIRED']);
    const reviewer = await upload(
      base,
      staff.tokens['reviewer']!,
      id,
      { name: 'a.pdf', bytes: PDF },
      { target: 'draft' },
    );
    expect([reviewer.status, reviewer.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);

    const { page } = await signIn(harness, 'drafter');
    await page.goto(`${base}/console/decisions/${id}`);
    const form = page.locator('#act-attachments');
    await form.locator('summary').click();
    await form.getByLabel('附件所属').selectOption('draft');
    await form
      .locator('input[type=file]')
      .setInputFiles({ name: html.name, mimeType: 'application/pdf', buffer: html.bytes });
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/act/attachments')),
      form.getByRole('button', { name: '上传附件' }).click(),
    ]);
    expect(response.status()).toBe(422);
    await expect(page.locator('#refusal-attachments').textContent()).resolves.toContain('ATTACHMENT_TYPE_NOT_ALLOWED');
    expect((await attachmentEntries(base, id)).length).toBe(1);
  }, 60_000);

  it('stores and logs an upload retried with its Idempotency-Key once', async () => {
    const report = {
      name: '起草说明.png',
      bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
    };
    const sha = createHash('sha256').update(report.bytes).digest('hex');
    const key = { 'idempotency-key': `attach-${sha.slice(0, 12)}` };
    const first = await upload(base, staff.tokens['drafter']!, id, report, { target: 'draft' }, key);
    const retry = await upload(base, staff.tokens['drafter']!, id, report, { target: 'draft' }, key);
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(retry.body).toEqual(first.body);
    await eventually(async () => (await attachmentEntries(base, id)).length === 2, {
      timeoutMs: 20_000,
      intervalMs: 250,
      what: 'the second attachment on the public log',
    });
    expect((await attachmentEntries(base, id)).filter((e) => e.data['sha256'] === sha)).toHaveLength(1);
    expect((await readdir(join(directory, sha.slice(0, 2)))).filter((f) => f.startsWith(sha))).toEqual([sha]);
    const other = await upload(base, staff.tokens['drafter']!, id, { ...report, bytes: PDF }, { target: 'draft' }, key);
    expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  }, 60_000);

  it('never lets the public download a confidential decision’s file', async () => {
    const secretId = (
      await call(base, 'POST', '/api/v1/decisions', {
        token: staff.tokens['drafter'],
        json: aRegistration({ title: SECRET_TITLE, confidential: true, confidentialGround: '工作秘密' }),
      })
    ).body.decisionId as string;
    await act(staff, 'drafter', secretId, 'draft-versions', { draft: '涉密草案', basis: '依', explanation: '说' });
    await act(staff, 'drafter', secretId, 'submit-for-decision');
    const secretPdf = Buffer.concat([PDF, Buffer.from('% secret\n')]);
    const attached = await upload(
      base,
      staff.tokens['drafter']!,
      secretId,
      { name: '涉密附件.pdf', bytes: secretPdf },
      {
        target: 'draft',
      },
    );
    expect(attached.status).toBe(200);
    await assertAttachmentNotPublic(base, secretId, createHash('sha256').update(secretPdf).digest('hex'), [
      SECRET_TITLE,
      '涉密附件',
    ]);
  }, 60_000);
});
