import { deidentifyDocument } from '../../libs/domain/src';
import {
  appendCaseLog,
  DatabaseAttachmentStore,
  findIssuedReplyDocument,
  listDisclosureCases,
  registerDisclosureRequest,
} from '../../libs/persistence/src';
import type { DataSource } from 'typeorm';
import { databaseKinds } from '../support/databases';
import { useTestDatabase } from '../support/fixtures';

const handler = { accountId: 'acc-h', role: 'drafter' };

function register(dataSource: DataSource, requestId: string, unit: string, receivedDate: string) {
  return registerDisclosureRequest(dataSource, {
    requestId,
    receipt: `R-${requestId}`,
    unit,
    channel: 'fax',
    receivedDate,
    application: {
      applicantKind: 'business',
      applicantName: '某某有限公司',
      contact: { email: 'office@example.cn' },
      informationDescription: '某项目的环评批复',
      deliveryForm: 'electronic',
      deliveryWay: 'email',
    },
    document: deidentifyDocument('business_licence', '91110000000000000X', 'integration-test-pepper-0123456789'),
    first: {
      seq: 1,
      occurredAt: `${receivedDate}T02:00:00.000Z`,
      actor: handler,
      event: { type: 'RequestReceived', date: receivedDate, channel: 'fax', handlerId: 'acc-h' },
    },
  });
}

describe.each(databaseKinds())('the staff reads of disclosure cases on %s', (kind) => {
  const fixture = useTestDatabase(kind);
  let dataSource: DataSource;
  beforeAll(() => ({ dataSource } = fixture));

  it('lists the open cases of a unit with their events, newest received first', async () => {
    await register(dataSource, 'a-1', 'unit-a', '2026-09-23');
    await register(dataSource, 'a-2', 'unit-a', '2026-10-09');
    await register(dataSource, 'b-1', 'unit-b', '2026-10-12');
    await appendCaseLog(
      dataSource,
      'a-1',
      [
        {
          seq: 2,
          occurredAt: '2026-09-24T02:00:00.000Z',
          actor: handler,
          event: { type: 'StageMoved', date: '2026-09-24', to: 'review' },
        },
      ],
      { stage: 'review' },
    );
    const unitA = await listDisclosureCases(dataSource, { unit: 'unit-a', limit: 10 });
    expect(unitA.map((c) => [c.request.requestId, c.events.map((e) => e.type)])).toEqual([
      ['a-2', ['RequestReceived']],
      ['a-1', ['RequestReceived', 'StageMoved']],
    ]);
    expect((await listDisclosureCases(dataSource, { limit: 10 })).map((c) => c.request.requestId)).toEqual([
      'b-1',
      'a-2',
      'a-1',
    ]);
    expect(await listDisclosureCases(dataSource, { archived: true, limit: 10 })).toEqual([]);
  });

  it('finds the issued reply document by the sha256 its Replied entry records, and nothing before', async () => {
    const store = new DatabaseAttachmentStore(dataSource);
    await register(dataSource, 'r-1', 'unit-a', '2026-09-23');
    expect(await findIssuedReplyDocument(dataSource, store, 'r-1')).toBeNull();
    const stored = await store.put(Buffer.from('%PDF-1.3 a reply'));
    const replied = {
      seq: 2,
      occurredAt: '2026-09-30T02:00:00.000Z',
      actor: handler,
      event: {
        type: 'Replied' as const,
        date: '2026-09-30',
        outcome: 'disclosed' as const,
        document: { sha256: stored.sha256 },
      },
    };
    await appendCaseLog(dataSource, 'r-1', [replied], {
      stage: 'reply',
      outcome: 'disclosed',
      closedDate: '2026-09-30',
    });
    const found = await findIssuedReplyDocument(dataSource, store, 'r-1');
    expect(found).toMatchObject({ sha256: stored.sha256, issuedDate: '2026-09-30', outcome: 'disclosed' });
    expect(found!.pdf.toString()).toBe('%PDF-1.3 a reply');
  });
});
