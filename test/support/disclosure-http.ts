import { createHash } from 'node:crypto';
import { type CalendarYear, STANDARD_REMEDY_NOTICE, type WorkingCalendar } from '../../libs/domain/src';
import { todayInShanghai } from './disclosure';
import { eventually } from './eventually';
import { call, type Reply } from './http';

/**
 * On-request disclosure over HTTP against the built apps (issue 18's e2e and fault tests): staff register
 * letters dated back to the day they were signed for, send the case's commands, and an administrator
 * enters make-up working days on past weekends. That is the seam that lets a deadline fall due while a
 * test runs, with production code unchanged: every clock is recomputed on the calendar (ADR 67), so a
 * past Saturday made a working day moves each due date one working day earlier.
 */

export const APPLICANT = {
  name: '李四光',
  idNumber: '110101198002021237',
  phone: '13900000000',
  address: '某市某区某路2号',
};

/** The deployment's working-day calendar as its public API reports it. */
export async function deploymentCalendar(base: string): Promise<WorkingCalendar> {
  const body = (await call(base, 'GET', '/api/v1/public/calendar')).body as {
    years: CalendarYear[];
    changes: unknown[];
  };
  return {
    version: body.changes.length,
    years: body.years.map(({ year, status, holidays, workdays, source }) => ({
      year,
      status,
      holidays,
      workdays,
      source,
    })),
  };
}

/** A letter signed for on `receivedOn` (registered post, art.31(2)), registered by `token`'s account. */
export async function registerLetter(
  base: string,
  token: string,
  receivedOn: string,
  key: string,
): Promise<{ requestId: string; receipt: string; secret?: string; receivedDate: string }> {
  const reply = await call(base, 'POST', '/api/v1/disclosure-requests', {
    token,
    headers: { 'idempotency-key': key },
    json: {
      channel: 'registered_post',
      receivedOn,
      applicantKind: 'natural_person',
      applicantName: APPLICANT.name,
      idDocumentType: '居民身份证',
      idDocumentNumber: APPLICANT.idNumber,
      contact: { phone: APPLICANT.phone, address: APPLICANT.address },
      informationDescription: '本区2025年道路维修工程的招标文件',
      deliveryForm: 'paper',
      deliveryWay: 'post',
    },
  });
  if (reply.status !== 201) throw new Error(`register ${key}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** One staff command on a case; throws unless it answers 200. */
export async function act(
  base: string,
  token: string,
  id: string,
  command: string,
  body: Record<string, unknown> = {},
): Promise<any> {
  const reply: Reply = await call(base, 'POST', `/api/v1/disclosure-requests/${id}/${command}`, {
    token,
    json: body,
    headers: {
      'idempotency-key': `${id}-${command}-${createHash('sha256').update(JSON.stringify(body)).digest('hex')}`,
    },
  });
  if (reply.status !== 200) throw new Error(`${command} on ${id}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

export interface StaffCaseView {
  state: { stage: string; closed?: { outcome: string }; overdue?: boolean; replyDocument?: { sha256: string } };
  deadlines: Array<{ kind: string; lastDay: string; id?: string }>;
  dueDate?: string;
  overdue: boolean;
  log: Array<{ seq: number; event: { type: string; [key: string]: unknown } }>;
}

export async function staffCase(base: string, token: string, id: string): Promise<StaffCaseView> {
  const reply = await call(base, 'GET', `/api/v1/disclosure-requests/${id}`, { token });
  if (reply.status !== 200) throw new Error(`case ${id}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as StaffCaseView;
}

export const logTypes = (view: StaffCaseView): string[] => view.log.map((entry) => entry.event.type);

/** Waits until case `id`'s log holds an entry of `type` (recorded by its workflow). */
export function untilLogged(base: string, token: string, id: string, type: string): Promise<StaffCaseView> {
  return eventually(
    async () => {
      const view = await staffCase(base, token, id);
      return logTypes(view).includes(type) && view;
    },
    { what: `case ${id} logs ${type}`, timeoutMs: 60_000, intervalMs: 250 },
  );
}

/**
 * Enters `dates` (past Saturdays or Sundays) as make-up working days, one official arrangement per year
 * that keeps the year's current holidays and make-up days. Answers the arrangements as the API acknowledged them.
 */
export async function addMakeupDays(
  base: string,
  adminToken: string,
  calendar: WorkingCalendar,
  dates: readonly string[],
  key: string,
): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (const year of [...new Set(dates.map((date) => Number(date.slice(0, 4))))]) {
    const current = calendar.years.find((y) => y.year === year);
    const reply = await call(base, 'PUT', `/api/v1/admin/calendar/years/${year}`, {
      token: adminToken,
      headers: { 'idempotency-key': `${key}-${year}` },
      json: {
        holidays: current?.holidays ?? [],
        workdays: [...(current?.workdays ?? []), ...dates.filter((date) => date.startsWith(`${year}-`))],
        sourceReference: '国办发明电〔测试〕18号',
        sourceDate: `${year}-01-02`,
      },
    });
    replies.push(reply);
  }
  return replies;
}

/**
 * A letter signed for today, handled and answered ('disclosed', drafted by `drafter`, approved by
 * `reviewer`, issued): its receipt and the lookup secret staff hand to the applicant (ADR 123), and the
 * sha256 of the issued reply's PDF.
 */
export async function repliedLetter(
  base: string,
  tokens: { drafter: string; reviewer: string },
  key: string,
): Promise<{ requestId: string; receipt: string; secret: string; sha256: string }> {
  const { requestId } = await registerLetter(base, tokens.drafter, todayInShanghai(), key);
  const access = (await call(base, 'GET', `/api/v1/disclosure-requests/${requestId}`, { token: tokens.drafter })).body
    .applicantAccess as { receipt: string; secret: string };
  await act(base, tokens.drafter, requestId, 'move-stage', { to: 'review' });
  await act(base, tokens.drafter, requestId, 'move-stage', { to: 'handling' });
  await act(base, tokens.drafter, requestId, 'draft-reply', {
    outcome: 'disclosed',
    remedyNotice: STANDARD_REMEDY_NOTICE,
  });
  await act(base, tokens.reviewer, requestId, 'review-reply', { approved: true });
  const issued = await act(base, tokens.drafter, requestId, 'reply', {});
  return { requestId, ...access, sha256: issued.state.replyDocument.sha256 as string };
}
