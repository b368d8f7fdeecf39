import { deidentifyDocument, type DisclosureApplication, GENESIS_HASH } from '../../libs/domain/src';
import {
  appendCaseLog,
  type CaseLogDraft,
  findCaseChainBreak,
  findDisclosureApplicant,
  findDisclosureRequest,
  readCaseLog,
  registerDisclosureRequest,
} from '../../libs/persistence/src';
import type { DataSource } from 'typeorm';
import { databaseKinds } from '../support/databases';
import { useTestDatabase } from '../support/fixtures';

const pepper = 'integration-test-pepper-0123456789';
const idNumber = '11010519491231002X';
const application: DisclosureApplication = {
  applicantKind: 'natural_person',
  applicantName: '张三',
  idDocumentType: 'resident_id',
  idDocumentNumber: idNumber,
  contact: { phone: '13912345678', address: '某市某区某路1号' },
  informationDescription: '2026年老旧小区改造项目资金安排文件',
  deliveryForm: 'electronic',
  deliveryWay: 'email',
};
const handler = { accountId: 'acc-h', role: 'drafter' };
const head = { accountId: 'acc-head', role: 'manager' };

function register(dataSource: DataSource, requestId: string) {
  const { idDocumentNumber, idDocumentType, ...rest } = application;
  return registerDisclosureRequest(dataSource, {
    requestId,
    receipt: `R-${requestId}`,
    unit: 'unit-a',
    channel: 'in_person',
    receivedDate: '2026-09-23',
    application: rest,
    document: deidentifyDocument(idDocumentType, idDocumentNumber, pepper),
    first: {
      seq: 1,
      occurredAt: '2026-09-23T02:00:00.000Z',
      actor: handler,
      event: { type: 'RequestReceived', date: '2026-09-23', channel: 'in_person', handlerId: 'acc-h' },
    },
  });
}

const extension: CaseLogDraft = {
  seq: 3,
  occurredAt: '2026-10-20T02:00:00.000Z',
  actor: head,
  event: {
    type: 'ExtensionGranted',
    date: '2026-10-20',
    workingDays: 20,
    approvedBy: { accountId: 'acc-head', role: 'manager' },
    notifiedDate: '2026-10-20',
  },
};
const toHandling: CaseLogDraft = {
  seq: 2,
  occurredAt: '2026-09-24T02:00:00.000Z',
  actor: handler,
  event: { type: 'StageMoved', date: '2026-09-24', to: 'handling' },
};

describe.each(databaseKinds())('the disclosure case log on %s', (kind) => {
  const fixture = useTestDatabase(kind);
  let dataSource: DataSource;
  beforeAll(() => ({ dataSource } = fixture));

  it('stores a request with its applicant apart, keeping no identity number, and chains its log by hash', async () => {
    await register(dataSource, 'case-1');
    await appendCaseLog(dataSource, 'case-1', [toHandling], { stage: 'handling' });
    await appendCaseLog(dataSource, 'case-1', [extension], { stage: 'handling' });
    const entries = await readCaseLog(dataSource, 'case-1');
    expect(entries.map((e) => [e.seq, e.event.type])).toEqual([
      [1, 'RequestReceived'],
      [2, 'StageMoved'],
      [3, 'ExtensionGranted'],
    ]);
    expect(entries[0]?.prevHash).toBe(GENESIS_HASH);
    expect(entries[2]?.prevHash).toBe(entries[1]?.hash);
    expect(findCaseChainBreak(entries)).toBeNull();
    expect(await findDisclosureRequest(dataSource, 'case-1')).toMatchObject({
      stage: 'handling',
      receivedDate: '2026-09-23',
    });
    const applicant = await findDisclosureApplicant(dataSource, 'case-1');
    expect(applicant).toMatchObject({ name: '张三', idDocumentLastFour: '002X' });
    const everything = JSON.stringify([
      await dataSource.query('SELECT * FROM disclosure_requests'),
      await dataSource.query('SELECT * FROM disclosure_applicants'),
      await dataSource.query('SELECT * FROM disclosure_case_log'),
    ]);
    expect(everything).not.toContain(idNumber);
    expect(everything).not.toContain('19491231');
  });

  it('skips a retried step, refuses a different one under the same seq, and refuses a gap', async () => {
    await register(dataSource, 'case-2');
    await appendCaseLog(dataSource, 'case-2', [toHandling], { stage: 'handling' });
    await appendCaseLog(dataSource, 'case-2', [{ ...toHandling, occurredAt: '2026-09-24T03:00:00.000Z' }], {
      stage: 'handling',
    });
    expect(await readCaseLog(dataSource, 'case-2')).toHaveLength(2);
    const other: CaseLogDraft = { ...toHandling, event: { type: 'StageMoved', date: '2026-09-25', to: 'handling' } };
    await expect(appendCaseLog(dataSource, 'case-2', [other], { stage: 'handling' })).rejects.toMatchObject({
      code: 'LOG_CONFLICT',
    });
    await expect(
      appendCaseLog(dataSource, 'case-2', [{ ...extension, seq: 5 }], { stage: 'handling' }),
    ).rejects.toMatchObject({ code: 'LOG_CONFLICT' });
  });

  it('refuses to update or delete a case log entry at database level, and the chain check finds an edit', async () => {
    await register(dataSource, 'case-3');
    await expect(
      dataSource.query(`UPDATE disclosure_case_log SET data = '{}' WHERE request_id = 'case-3'`),
    ).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM disclosure_case_log WHERE request_id = 'case-3'`)).rejects.toThrow(
      /append-only/,
    );
    const entry = (await readCaseLog(dataSource, 'case-3'))[0]!;
    const forged = { ...entry, event: { ...entry.event, date: '2026-09-30' } };
    expect(findCaseChainBreak([forged])).toBe(1);
  });
});
