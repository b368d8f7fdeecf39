import type { Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import type { ResolvedAnswer, StaffActor } from '../../libs/domain/src';
import {
  appendEvents,
  claimMail,
  confirmFollower,
  followDecision,
  recordAnswers,
  unsubscribe,
} from '../../libs/persistence/src';
import {
  createMailTransport,
  drainOutbox,
  MailServerUnavailableError,
  type MailSettings,
} from '../../apps/worker/src/mail/outbox-drain';
import { databaseKinds } from '../support/databases';
import { appendInternal, seedClusters, seedDecision } from '../support/feedback-seed';
import { useTestDatabase } from '../support/fixtures';
import { startMailbox, type Mailbox } from '../support/mailbox';

const drafter: StaffActor = { accountId: 'acc-drafter-a', username: 'drafter', unit: 'unit-a', role: 'drafter' };
const BASE = 'https://decisions.example.gov.cn';
const answer: ResolvedAnswer = {
  targetKind: 'cluster',
  targetId: 'r1-1',
  verdict: 'partially_adopted',
  text: '部分采纳：收费时段调整为工作日',
  reason: null,
  templateId: null,
};

type OutboxRow = { key: string; status: string; message_id: string; attempts: number | string };

async function outbox(dataSource: DataSource, decisionId: string): Promise<OutboxRow[]> {
  return (await dataSource.query(
    `SELECT key, status, message_id, attempts FROM notification_outbox WHERE decision_id = '${decisionId}' ORDER BY key`,
  )) as OutboxRow[];
}

/** Appends a public step (a consultation extended) at the decision's next public seq. */
async function publicStep(dataSource: DataSource, decisionId: string, day: number): Promise<number> {
  const [row] = (await dataSource.query(
    `SELECT COALESCE(MAX(seq), 0) AS seq FROM public_events WHERE decision_id = '${decisionId}'`,
  )) as [{ seq: string | number }];
  const seq = Number(row.seq) + 1;
  const at = `2026-12-${String(10 + day).padStart(2, '0')}T00:00:00.000Z`;
  await appendEvents(dataSource, decisionId, {
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
  return seq;
}

const linkIn = (text: string, path: string): string => {
  const found = new RegExp(`${BASE}${path}\\?token=([A-Za-z0-9_-]+)`).exec(text);
  if (!found) throw new Error(`no ${path} link in: ${text}`);
  return found[1]!;
};

describe.each(databaseKinds())('e-mail notifications through SMTP on %s', (kind) => {
  const fixture = useTestDatabase(kind);
  let dataSource: DataSource;
  let mailbox: Mailbox;
  let settings: MailSettings;
  let transport: Transporter;
  beforeAll(async () => {
    dataSource = fixture.dataSource;
    mailbox = await startMailbox();
    settings = { smtpUrl: mailbox.url, from: 'Open Decision <no-reply@example.gov.cn>', baseUrl: BASE };
    transport = createMailTransport(settings);
  });
  afterAll(async () => {
    transport?.close();
    await mailbox?.close();
  });
  const arrivedFor = (address: string): ReturnType<Mailbox['messages']> =>
    mailbox.messages().filter((mail) => mail.to.includes(address));

  it("mails an answered opinion's sender the answer and the receipt link once, and no one without an address", async () => {
    const id = `mail-answer-${kind}`;
    const address = `citizen-${kind}@example.com`;
    const [withMail, withoutMail] = await seedDecision(dataSource, id, [
      { contact: { name: '李华', email: address } },
      { contact: { phone: '13800138000' } },
    ]);
    await seedClusters(dataSource, id, [{ clusterId: 'r1-1', label: '停车', receipts: [withMail!, withoutMail!] }]);
    await recordAnswers(dataSource, id, [answer], drafter, new Date('2026-12-04T00:00:00.000Z'));
    await appendInternal(dataSource, id, 'PublicationApproved', { kind: 'feedback' }, 'feedback');

    expect(await drainOutbox(dataSource, transport, settings, 10)).toMatchObject({ sent: 1, more: false });
    const [mail, ...others] = arrivedFor(address);
    expect(others).toHaveLength(0);
    expect(mail!.text).toContain(`${BASE}/receipts?receipt=${withMail}`);
    expect(mail!.text).toContain(answer.text);
    expect(mail!.text).toContain('部分采纳');
    expect(mail!.text).toContain('Partly adopted');
    expect(mail!.headers['list-unsubscribe']).toMatch(new RegExp(`^<${BASE}/follow/unsubscribe\\?token=`));
    expect(mail!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const rows = await outbox(dataSource, id);
    expect(rows).toEqual([expect.objectContaining({ status: 'sent', message_id: mail!.headers['message-id'] })]);
    expect(JSON.stringify(rows)).not.toContain('@example.com');

    // A retried drain (Temporal retries an activity whose completion was lost) finds it sent.
    expect(await drainOutbox(dataSource, transport, settings, 10)).toMatchObject({ sent: 0 });
    expect(arrivedFor(address)).toHaveLength(1);
  });

  it('lets a follower confirm, mails them each later public step, and nothing after they unsubscribe', async () => {
    const id = `mail-follow-${kind}`;
    const address = `follower-${kind}@example.com`;
    await seedDecision(dataSource, id, [], { sealed: false });
    await publicStep(dataSource, id, 1);
    expect(await followDecision(dataSource, { decisionId: id, email: address, lang: 'en' }, new Date())).toBe(
      'confirmation-queued',
    );
    // Asking again changes nothing and sends nothing more.
    await followDecision(dataSource, { decisionId: id, email: address, lang: 'en' }, new Date());
    await publicStep(dataSource, id, 2); // not confirmed yet: not mailed
    await drainOutbox(dataSource, transport, settings, 10);
    const [confirmation, ...more] = arrivedFor(address);
    expect(more).toHaveLength(0);
    expect(confirmation!.subject).toContain('Confirm');
    const token = linkIn(confirmation!.text, '/follow/confirm');
    expect(linkIn(confirmation!.text, '/follow/unsubscribe')).toBe(token);

    expect(await confirmFollower(dataSource, token, new Date())).toMatchObject({ status: 'confirmed', decisionId: id });
    const seq = await publicStep(dataSource, id, 3);
    await drainOutbox(dataSource, transport, settings, 10);
    const step = arrivedFor(address)[1]!;
    expect(step.subject).toContain('Consultation extended');
    expect(step.text).toContain(`entry ${seq}`);
    expect(step.text).toContain(`${BASE}/decisions/${id}?lang=en`);
    expect(step.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    await unsubscribe(dataSource, token, new Date());
    await publicStep(dataSource, id, 4);
    expect(await drainOutbox(dataSource, transport, settings, 10)).toMatchObject({ sent: 0 });
    expect(arrivedFor(address)).toHaveLength(2);
    const stored = (await dataSource.query(
      `SELECT email, status FROM mail_recipients WHERE decision_id = '${id}'`,
    )) as Array<{ email: string | null; status: string }>;
    expect(stored).toEqual([{ email: null, status: 'unsubscribed' }]);
  });

  it('does not send a message another drain has claimed, and sends it again with the same Message-ID once that claim lapsed', async () => {
    const id = `mail-claim-${kind}`;
    const address = `claimed-${kind}@example.com`;
    await seedDecision(dataSource, id, [], { sealed: false });
    await followDecision(dataSource, { decisionId: id, email: address, lang: 'zh-CN' }, new Date());
    const [claimed] = await claimMail(dataSource, 1, new Date(), 60_000);
    expect(claimed).toBe((await outbox(dataSource, id))[0]!.key);

    // The claimant died with the outcome unknown: nothing is sent while its claim holds…
    expect(await drainOutbox(dataSource, transport, settings, 10)).toMatchObject({ sent: 0 });
    expect(arrivedFor(address)).toHaveLength(0);
    // …and once it lapsed the message goes, under the Message-ID fixed when it was queued.
    await dataSource.query(
      `UPDATE notification_outbox SET claimed_at = '2000-01-01T00:00:00.000Z' WHERE key = '${claimed}'`,
    );
    expect(await drainOutbox(dataSource, transport, settings, 10)).toMatchObject({ sent: 1 });
    const [mail] = arrivedFor(address);
    const [row] = await outbox(dataSource, id);
    expect(mail!.subject).toContain('请确认关注');
    expect(mail!.headers['message-id']).toBe(row!.message_id);
    expect(Number(row!.attempts)).toBe(2);
  });

  it('queues a message again when the SMTP server cannot be reached', async () => {
    const id = `mail-down-${kind}`;
    await seedDecision(dataSource, id, [], { sealed: false });
    await followDecision(dataSource, { decisionId: id, email: `down-${kind}@example.com`, lang: 'zh-CN' }, new Date());
    const closed = await startMailbox();
    await closed.close();
    const down = createMailTransport({ ...settings, smtpUrl: closed.url });
    try {
      await expect(drainOutbox(dataSource, down, settings, 10)).rejects.toBeInstanceOf(MailServerUnavailableError);
    } finally {
      down.close();
    }
    expect(await outbox(dataSource, id)).toEqual([expect.objectContaining({ status: 'queued' })]);
  });
});
