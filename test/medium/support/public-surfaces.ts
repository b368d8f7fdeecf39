import { call } from '../../support/http';

/**
 * A published confidential decision on every public surface (SPEC.md §3.8, ADR 29): the public refused
 * an opinion; pages in both languages (the verify page with its witnesses too), API, feeds, exports and
 * search show the approved public title and none of `hidden` (registration title and summary, ground,
 * internal records, the refused opinion).
 */
export async function assertConfidentialAfterPublication(
  baseUrl: string,
  id: string,
  publicTitle: string,
  hidden: string[],
): Promise<void> {
  const secret = new RegExp(hidden.join('|'));
  const opinion = await call(baseUrl, 'POST', `/api/v1/public/decisions/${id}/opinions`, { json: { text: '试探' } });
  expect([opinion.status, opinion.body.code]).toEqual([409, 'CONSULTATION_NOT_OPEN']);
  expect((await call(baseUrl, 'GET', `/api/v1/public/decisions/${id}/opinions`)).body).toMatchObject({
    items: [],
    total: 0,
  });
  const pages = ['zh-CN', 'en'].flatMap((lang) => [
    `/decisions/${id}?lang=${lang}`,
    `/decisions/${id}/timeline?lang=${lang}`,
    `/decisions/${id}/changes?lang=${lang}`,
    `/decisions?lang=${lang}`,
    `/?lang=${lang}`,
    `/verify?lang=${lang}`,
  ]);
  for (const path of pages) {
    const reply = await call(baseUrl, 'GET', path);
    expect([path, reply.status, secret.test(String(reply.body))]).toEqual([path, 200, false]);
    if (path.startsWith(`/decisions/${id}?`))
      expect([path, String(reply.body).includes(publicTitle), String(reply.body).includes('name="text"')]).toEqual([
        path,
        true,
        false,
      ]);
  }
  const apis = [
    `/api/v1/public/decisions/${id}`,
    `/api/v1/public/decisions/${id}/timeline`,
    `/api/v1/public/decisions/${id}/changes`,
    '/api/v1/public/decisions?pageSize=100',
    `/feeds/decisions/${id}.atom`,
    '/feeds/decisions.atom',
  ];
  const exports = [
    'decisions.json',
    'opinions.csv',
    'opinions.json',
    `opinions.csv?decision=${id}`,
    `opinions.json?decision=${id}`,
  ].map((file) => `/api/v1/public/export/${file}`);
  for (const path of [...apis, ...exports]) {
    const reply = await call(baseUrl, 'GET', path);
    expect([path, reply.status, secret.test(JSON.stringify(reply.body))]).toEqual([path, 200, false]);
  }
  for (const format of ['csv', 'json'])
    expect(
      JSON.stringify((await call(baseUrl, 'GET', `/api/v1/public/export/opinions.${format}?decision=${id}`)).body),
    ).not.toContain('OD-');
  for (const q of hidden) {
    expect((await call(baseUrl, 'GET', `/api/v1/public/decisions?q=${encodeURIComponent(q)}`)).body.total).toBe(0);
    // An empty result suggests the latest public decisions (ADR 108), which may list this one under its public
    // title: the results themselves, everything before those suggestions, must not.
    const page = String((await call(baseUrl, 'GET', `/decisions?q=${encodeURIComponent(q)}`)).body);
    expect(page).toContain('共 0 项');
    expect(page.split('<h3>最近更新的决策</h3>')[0]).not.toContain(id);
  }
  expect(
    JSON.stringify((await call(baseUrl, 'GET', `/api/v1/public/decisions?q=${encodeURIComponent(publicTitle)}`)).body),
  ).toContain(id);
}

/**
 * A file attached to a confidential decision before its publication (ADR 87): its download answers
 * 404 ATTACHMENT_NOT_FOUND, exactly like a hash never stored, and neither its hash nor any of `hidden`
 * (the decision's title, the file's name) is on a public page, API, feed or export.
 */
export async function assertAttachmentNotPublic(
  baseUrl: string,
  id: string,
  sha256: string,
  hidden: string[],
): Promise<void> {
  const secret = new RegExp([sha256, ...hidden].join('|'));
  // Indistinguishable from a hash never stored: the same 404 and code, the same words but for the hash.
  const answers = [];
  for (const hash of [sha256, 'f'.repeat(64)]) {
    const download = await call(baseUrl, 'GET', `/decisions/${id}/attachments/${hash}`);
    answers.push([download.status, download.body.code, JSON.stringify(download.body).replaceAll(hash, '<hash>')]);
  }
  expect(answers[0]).toEqual([404, 'ATTACHMENT_NOT_FOUND', answers[1]![2]]);
  expect(answers[1]).toEqual(answers[0]);
  const paths = [
    `/decisions/${id}`,
    `/decisions`,
    `/`,
    `/api/v1/public/decisions/${id}/timeline`,
    '/api/v1/public/decisions?pageSize=100',
    '/feeds/decisions.atom',
    '/api/v1/public/export/decisions.json',
  ];
  for (const path of paths) {
    const reply = await call(baseUrl, 'GET', path);
    expect([path, secret.test(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body))]).toEqual([
      path,
      false,
    ]);
  }
}

/**
 * An applicant's personal data (issue 18: name, identity number, contact) on no public surface: pages in
 * both languages, the disclosure pages without a secret, API, feeds and exports. Only the lookup answer
 * to the holder of the receipt's secret shows the name (and the identity number masked).
 */
export async function assertApplicantNotPublic(baseUrl: string, hidden: string[]): Promise<void> {
  const secret = new RegExp(hidden.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
  const pages = ['zh-CN', 'en'].flatMap((lang) =>
    [
      '/',
      '/decisions',
      '/verify',
      '/disclosure/apply',
      '/disclosure/lookup',
      '/receipts',
      '/disclosure/reports',
      '/disclosure/statistics',
    ].map((path) => `${path}?lang=${lang}`),
  );
  const apis = [
    '/api/v1/public/decisions?pageSize=100',
    '/feeds/decisions.atom',
    '/api/v1/public/disclosure-reports',
    '/api/v1/public/disclosure-statistics',
    '/api/v1/public/export/disclosure-timeliness.json',
    ...['decisions.json', 'opinions.csv', 'opinions.json'].map((file) => `/api/v1/public/export/${file}`),
  ];
  // Every published annual report (ADR 0119), as a page in both languages and as JSON.
  const reports = (await call(baseUrl, 'GET', '/api/v1/public/disclosure-reports')).body as {
    items: Array<{ reportId: string }>;
  };
  for (const { reportId } of reports.items)
    pages.push(
      ...['zh-CN', 'en'].map((lang) => `/disclosure/reports/${encodeURIComponent(reportId)}?lang=${lang}`),
      `/api/v1/public/disclosure-reports/${encodeURIComponent(reportId)}`,
    );
  for (const path of [...pages, ...apis]) {
    const reply = await call(baseUrl, 'GET', path);
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    expect([path, reply.status, secret.test(text)]).toEqual([path, 200, false]);
  }
  // The reply document's doors (ADR 123): nothing without the secret or a valid page token.
  const doors: Array<[string, { json?: unknown; form?: string }]> = [
    [
      '/api/v1/public/disclosure-requests/lookup/reply-document.pdf',
      { json: { receipt: 'GK-0000-0000-0000-0', secret: 'x' } },
    ],
    [
      '/api/v1/public/disclosure-requests/lookup/reply-document.html',
      { json: { receipt: 'GK-0000-0000-0000-0', secret: 'x' } },
    ],
    ['/disclosure/lookup/reply-document.pdf', { form: 'token=x' }],
    ['/disclosure/lookup/reply-document.html', { form: 'token=x' }],
  ];
  for (const [path, body] of doors) {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': body.json ? 'application/json' : 'application/x-www-form-urlencoded' },
      body: body.json ? JSON.stringify(body.json) : body.form!,
    });
    const text = await response.text();
    expect([path, response.status, secret.test(text), text.startsWith('%PDF')]).toEqual([path, 404, false, false]);
  }
}

/**
 * Notifications (ADR 94, 95): no e-mail address — an opinion sender's or a follower's — and no follow
 * token is on any public page (both languages), API answer, feed or open-data export of the decision.
 */
export async function assertNoContactOnPublicSurfaces(baseUrl: string, id: string, secrets: string[]): Promise<void> {
  const secret = new RegExp(secrets.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
  const pages = ['zh-CN', 'en'].flatMap((lang) => [
    `/decisions/${id}?lang=${lang}`,
    `/decisions/${id}/timeline?lang=${lang}`,
    `/decisions?lang=${lang}`,
    `/?lang=${lang}`,
  ]);
  const apis = [
    `/api/v1/public/decisions/${id}`,
    `/api/v1/public/decisions/${id}/timeline`,
    `/api/v1/public/decisions/${id}/opinions?pageSize=100`,
    `/api/v1/public/decisions/${id}/feedback`,
    `/feeds/decisions/${id}.atom`,
    '/feeds/decisions.atom',
    ...['decisions.json', 'opinions.csv', 'opinions.json', `opinions.json?decision=${id}`].map(
      (file) => `/api/v1/public/export/${file}`,
    ),
  ];
  for (const path of [...pages, ...apis]) {
    const reply = await call(baseUrl, 'GET', path);
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    expect([path, secret.test(text)]).toEqual([path, false]);
  }
}
