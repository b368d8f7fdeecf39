import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { addWorkingDates, shanghaiDate } from '../../libs/domain/src';
import { currentCalendar, openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { disclosureWorkflowId } from '../../workflows/definitions';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { requiredEnv, TEST_ENV } from '../support/env';
import { eventually } from '../support/eventually';
import { createHash } from 'node:crypto';
import { APPLICANT, registerLetter, repliedLetter } from '../support/disclosure-http';
import { call, login, type Reply } from '../support/http';
import { startMediumSystem, type MediumSystem } from '../support/medium';
import { uniqueTaskQueue } from '../support/temporal';
import { assertApplicantNotPublic } from './support/public-surfaces';

// The applicant's side of on-request disclosure over HTTP (issue 18): apply online, get a receipt and a
// secret, follow the case by both; retries, bad input, wrong secrets, the lookup's rate limit, privacy.

const ID_NUMBER = '11010519491231002X';
const application = {
  unit: 'unit-a',
  applicantKind: 'natural_person',
  applicantName: '王申请人',
  idDocumentType: 'resident_id',
  idDocumentNumber: ID_NUMBER,
  contact: { phone: '13912340000', email: 'wang.applicant@example.com', address: '示范市示范路88号' },
  informationDescription: '2025年度城区公共停车场收费标准的核定文件',
  deliveryForm: 'electronic',
  deliveryWay: 'email',
};

async function count(dataSource: DataSource, table: string): Promise<number> {
  const [row] = (await dataSource.query(`SELECT count(*) AS n FROM ${table}`)) as [{ n: string | number }];
  return Number(row.n);
}

describe.each(databaseKinds())('applying for information and following the request, on %s', (kind) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let system: MediumSystem;
  let connection: Connection;

  const apply = (body: unknown, key?: string): Promise<Reply> =>
    call(system.baseUrl, 'POST', '/api/v1/public/disclosure-requests', {
      json: body,
      headers: key ? { 'idempotency-key': key } : {},
    });
  const lookUp = (receipt: string, secret: string): Promise<Reply> =>
    call(system.baseUrl, 'POST', '/api/v1/public/disclosure-requests/lookup', { json: { receipt, secret } });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    dataSource = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(dataSource, 'e2e-password', new Date());
    system = await startMediumSystem({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue(`disclosure-public-${kind}`),
      gatewayEnv: { DISCLOSURE_BURST: '30', DISCLOSURE_RATE_PER_MINUTE: '1' },
    });
    connection = await Connection.connect({ address: requiredEnv(TEST_ENV.temporalAddress) });
  });

  afterAll(async () => {
    await connection?.close();
    await system?.stop();
    await dataSource?.destroy();
    await db?.drop();
  });

  it('answers a receipt and a secret, keeps the ID number de-identified, starts the case, and the lookup shows 登记 with its due date', async () => {
    const reply = await apply(application);
    expect(reply.status).toBe(201);
    const { receipt, secret, receivedDate } = reply.body as { receipt: string; secret: string; receivedDate: string };
    expect(receipt).toMatch(/^GK-[0-9A-Y]{4}-[0-9A-Y]{4}-[0-9A-Y]{4}-[0-9A-Y]$/);
    expect(secret).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
    expect(receivedDate).toBe(shanghaiDate(new Date()));

    const [row] = (await dataSource.query(
      `SELECT r.request_id AS id, a.id_document_last_four AS last, a.id_document_hash AS hash, x.secret_hash AS sh
       FROM disclosure_requests r JOIN disclosure_applicants a ON a.request_id = r.request_id
       JOIN disclosure_access x ON x.request_id = r.request_id WHERE r.receipt = '${receipt}'`,
    )) as [{ id: string; last: string; hash: string; sh: string }];
    expect([row.last, row.hash]).toEqual(['002X', expect.stringMatching(/^[0-9a-f]{64}$/)]);
    const everything = JSON.stringify(
      await Promise.all(
        ['disclosure_requests', 'disclosure_applicants', 'disclosure_case_log', 'disclosure_access'].map((t) =>
          dataSource.query(`SELECT * FROM ${t}`),
        ),
      ),
    );
    expect([everything.includes(ID_NUMBER), everything.includes(secret)]).toEqual([false, false]);
    const client = new Client({ connection });
    await eventually(
      async () => (await client.workflow.getHandle(disclosureWorkflowId(row.id)).describe()).status.name === 'RUNNING',
      { what: 'the case workflow runs' },
    );

    const found = await lookUp(receipt.toLowerCase().replace(/-/g, ' '), secret.toLowerCase());
    expect(found.status).toBe(200);
    const calendar = await currentCalendar(dataSource, new Date());
    expect(found.body).toMatchObject({
      receipt,
      unit: { id: 'unit-a' },
      applicant: { name: application.applicantName, idDocumentNumber: '****002X' },
      case: { stage: 'registration', receivedDate, clock: { status: 'running' } },
      due: { date: addWorkingDates(receivedDate, 20, calendar), count: { workingDays: 20 } },
    });
    expect(JSON.stringify(found.body)).not.toContain(ID_NUMBER);
  });

  it('answers a retry with the same Idempotency-Key with the same receipt and secret, and never a second case', async () => {
    const before = await count(dataSource, 'disclosure_requests');
    const [first, second] = await Promise.all([apply(application, 'retry-key-1'), apply(application, 'retry-key-1')]);
    const third = await apply(application, 'retry-key-1');
    expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);
    expect(second.body).toEqual(first.body);
    expect(third.body).toEqual(first.body);
    expect(await count(dataSource, 'disclosure_requests')).toBe(before + 1);
    const other = await apply({ ...application, informationDescription: '另一项信息' }, 'retry-key-1');
    expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect((await lookUp(first.body.receipt, first.body.secret)).status).toBe(200);
  });

  it('refuses bad input with stable codes naming the field, and stores nothing', async () => {
    const before = await count(dataSource, 'disclosure_requests');
    const cases: Array<[unknown, number, string, string | undefined]> = [
      [{ ...application, applicantName: ' ' }, 422, 'DISCLOSURE_FIELD_REQUIRED', 'applicantName'],
      [{ ...application, contact: {} }, 422, 'DISCLOSURE_FIELD_REQUIRED', 'contact'],
      [{ ...application, idDocumentNumber: '110105194912310021' }, 422, 'DISCLOSURE_FIELD_INVALID', 'idDocumentNumber'],
      [{ ...application, deliveryWay: 'pigeon' }, 422, 'DISCLOSURE_FIELD_INVALID', 'deliveryWay'],
      [
        { ...application, deliveryWay: 'post', contact: { phone: '13912340000' } },
        422,
        'DISCLOSURE_FIELD_REQUIRED',
        'contact.address',
      ],
      [{ ...application, unit: 'no-such-unit' }, 422, 'DISCLOSURE_UNIT_UNKNOWN', 'unit'],
    ];
    for (const [body, status, code, field] of cases) {
      const reply = await apply(body);
      expect([reply.status, reply.body.code, reply.body.field]).toEqual([status, code, field]);
      expect(reply.contentType).toContain('application/problem+json');
    }
    expect((await apply({ ...application, extra: 1 })).status).toBe(422);
    expect((await apply(application, 'has a space')).body.code).toBe('INVALID_IDEMPOTENCY_KEY');
    expect(await count(dataSource, 'disclosure_requests')).toBe(before);
  });

  it('answers an unknown receipt, a wrong secret and a malformed one alike, never cached', async () => {
    const { receipt, secret } = (await apply(application)).body as {
      receipt: string;
      secret: string;
      receivedDate: string;
    };
    const wrongSecret = `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}`;
    const unknownReceipt = 'GK-0000-0000-0000-0';
    const answers = await Promise.all([
      lookUp(receipt, wrongSecret),
      lookUp(unknownReceipt, secret),
      lookUp(receipt, 'short'),
      lookUp('OD-0000-0000-0000-0', secret),
    ]);
    for (const answer of answers)
      expect([answer.status, answer.body.code]).toEqual([404, 'DISCLOSURE_LOOKUP_NOT_FOUND']);
    expect(new Set(answers.map((a) => JSON.stringify({ ...a.body, instance: undefined }))).size).toBe(1);
    const response = await fetch(`${system.baseUrl}/api/v1/public/disclosure-requests/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receipt, secret }),
    });
    expect([response.status, response.headers.get('cache-control')]).toEqual([200, 'no-store']);
  });

  it('gives a letter registered by staff a receipt and a secret, and shows its issued reply: page text, HTML and PDF by POST only', async () => {
    const tokens = {
      drafter: await login(system.baseUrl, 'drafter', 'e2e-password'),
      reviewer: await login(system.baseUrl, 'reviewer', 'e2e-password'),
    };
    // Before the reply: the stage and the due date, and no document to download.
    const open = await registerLetter(system.baseUrl, tokens.drafter, shanghaiDate(new Date()), `letter-open-${kind}`);
    expect(open.receipt).toMatch(/^GK-/);
    expect(open).not.toHaveProperty('secret'); // never in the stored answer of an Idempotency-Key
    const openAccess = (
      await call(system.baseUrl, 'GET', `/api/v1/disclosure-requests/${open.requestId}`, { token: tokens.drafter })
    ).body.applicantAccess as { receipt: string; secret: string };
    expect(openAccess.receipt).toBe(open.receipt);
    const pending = await lookUp(openAccess.receipt, openAccess.secret);
    expect(pending.status).toBe(200);
    expect(pending.body.case.stage).toBe('registration');
    expect(pending.body.due.date).toBe(
      addWorkingDates(shanghaiDate(new Date()), 20, await currentCalendar(dataSource, new Date())),
    );
    expect(pending.body).not.toHaveProperty('reply');
    const notYet = await call(system.baseUrl, 'POST', '/api/v1/public/disclosure-requests/lookup/reply-document.pdf', {
      json: openAccess,
    });
    expect([notYet.status, notYet.body.code]).toEqual([409, 'DISCLOSURE_REPLY_NOT_ISSUED']);

    // Once issued: the lookup carries the document, and both downloads answer the stored bytes.
    const replied = await repliedLetter(system.baseUrl, tokens, `letter-replied-${kind}`);
    const found = await lookUp(replied.receipt, replied.secret);
    expect(found.body.reply).toMatchObject({
      outcome: 'disclosed',
      sha256: replied.sha256,
      document: { receipt: replied.receipt, outcome: 'disclosed', addressee: '李＊＊' },
    });
    expect(found.body.reply.document.standardText).toContain('第三十六条');
    const pdf = await fetch(`${system.baseUrl}/api/v1/public/disclosure-requests/lookup/reply-document.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receipt: replied.receipt, secret: replied.secret }),
    });
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect([pdf.status, pdf.headers.get('content-type'), pdf.headers.get('cache-control')]).toEqual([
      200,
      'application/pdf',
      'no-store',
    ]);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(replied.sha256);
    const document = await call(
      system.baseUrl,
      'POST',
      '/api/v1/public/disclosure-requests/lookup/reply-document.html',
      {
        json: { receipt: replied.receipt, secret: replied.secret },
      },
    );
    expect(document.status).toBe(200);
    expect(String(document.body)).toContain(replied.receipt);
    expect(String(document.body)).not.toMatch(new RegExp(`${APPLICANT.name}|${APPLICANT.idNumber}|${APPLICANT.phone}`));

    // No URL leads to it: a GET is no door, a wrong secret and a forged page token answer nothing.
    for (const path of [
      '/api/v1/public/disclosure-requests/lookup/reply-document.pdf',
      '/disclosure/lookup/reply-document.pdf',
    ])
      expect([path, (await call(system.baseUrl, 'GET', path)).status]).toEqual([path, 404]);
    const wrong = await call(system.baseUrl, 'POST', '/api/v1/public/disclosure-requests/lookup/reply-document.pdf', {
      json: { receipt: replied.receipt, secret: openAccess.secret },
    });
    expect([wrong.status, wrong.body.code]).toEqual([404, 'DISCLOSURE_LOOKUP_NOT_FOUND']);
    const forged = await fetch(`${system.baseUrl}/disclosure/lookup/reply-document.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${replied.requestId}.${Date.now() + 600_000}.${'0'.repeat(64)}`,
    });
    expect([forged.status, forged.headers.get('content-type')]).toEqual([404, expect.stringContaining('text/html')]);
  });

  it('shows nothing of an applicant on any public page, API, feed or export', async () => {
    await assertApplicantNotPublic(system.baseUrl, [
      application.applicantName,
      ID_NUMBER,
      '002X',
      application.contact.phone,
      application.contact.email,
      application.contact.address,
      APPLICANT.name,
      APPLICANT.idNumber,
      APPLICANT.phone,
      APPLICANT.address,
    ]);
  });

  it('limits lookups per client, so a secret cannot be guessed', async () => {
    let reply: Reply | undefined;
    for (let i = 0; i < 40 && reply?.status !== 429; i += 1) reply = await lookUp('GK-0000-0000-0000-0', 'x');
    expect([reply?.status, reply?.body.code]).toEqual([429, 'RATE_LIMITED']);
  });
});
