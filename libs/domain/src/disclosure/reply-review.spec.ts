import { FROZEN_CALENDAR } from '../calendar/working-calendar';
import type { CaseEvent } from './case-events';
import { foldCase } from './case-state';
import { STANDARD_REMEDY_NOTICE } from './reply';

const reviewed = { pauseWhileAwaitingPayment: true, reviewReplies: true };
const received: CaseEvent = { type: 'RequestReceived', date: '2026-09-23', channel: 'in_person', handlerId: 'h-1' };
const handling: CaseEvent[] = [
  received,
  { type: 'StageMoved', date: '2026-09-24', to: 'review' },
  { type: 'StageMoved', date: '2026-09-24', to: 'handling' },
];
const drafted: CaseEvent = {
  type: 'ReplyDrafted',
  date: '2026-09-25',
  draftedBy: 'h-1',
  outcome: 'withheld_process',
  reasons: '该信息为内部讨论稿，尚未形成正式决定。',
  remedyNotice: STANDARD_REMEDY_NOTICE,
};
const approvedBy = (accountId: string, role: 'reviewer' | 'manager' | 'drafter' = 'reviewer'): CaseEvent => ({
  type: 'ReplyReviewed',
  date: '2026-09-25',
  reviewedBy: { accountId, role },
  approved: true,
});
const SHA = 'a'.repeat(64);
const replied = (outcome: 'withheld_process' | 'disclosed' = 'withheld_process'): CaseEvent => ({
  type: 'Replied',
  date: '2026-09-28',
  outcome,
  document: { sha256: SHA },
});
const code = (value: string) => expect.objectContaining({ code: value }) as Error;
const fold = (events: CaseEvent[]) => foldCase(events, FROZEN_CALENDAR, reviewed);

describe('the four-eyes review of a reply (ADR 102)', () => {
  it('issues the approved draft with its document hash', () => {
    const state = fold([...handling, drafted, approvedBy('r-1'), replied()]);
    expect(state).toMatchObject({
      stage: 'reply',
      closed: { date: '2026-09-28', outcome: 'withheld_process' },
      replyDocument: { sha256: SHA },
      replyDraft: { draftedBy: 'h-1', review: { reviewerId: 'r-1', approved: true } },
    });
  });

  it('refuses the drafter approving their own reply, and a drafter reviewing at all', () => {
    expect(() => fold([...handling, drafted, approvedBy('h-1')])).toThrow(code('SELF_REVIEW'));
    expect(() => fold([...handling, drafted, approvedBy('d-2', 'drafter')])).toThrow(code('ROLE_NOT_ALLOWED'));
  });

  it('refuses a reply without an approved draft, of another outcome, or without its document', () => {
    expect(() => fold([...handling, replied()])).toThrow(code('DISCLOSURE_REPLY_NOT_APPROVED'));
    expect(() => fold([...handling, drafted, replied()])).toThrow(code('DISCLOSURE_REPLY_NOT_APPROVED'));
    const returned: CaseEvent = { ...(approvedBy('r-1') as object), approved: false } as CaseEvent;
    expect(() => fold([...handling, drafted, returned, replied()])).toThrow(code('DISCLOSURE_REPLY_NOT_APPROVED'));
    expect(() => fold([...handling, drafted, approvedBy('r-1'), replied('disclosed')])).toThrow(
      code('DISCLOSURE_REPLY_NOT_APPROVED'),
    );
    const bare: CaseEvent = { type: 'Replied', date: '2026-09-28', outcome: 'withheld_process' };
    expect(() => fold([...handling, drafted, approvedBy('r-1'), bare])).toThrow(code('DISCLOSURE_REPLY_NOT_APPROVED'));
  });

  it('takes a new draft after a return, which needs its own review', () => {
    const returned: CaseEvent = { ...(approvedBy('r-1') as object), approved: false, note: '理由不充分' } as CaseEvent;
    const state = fold([
      ...handling,
      drafted,
      returned,
      { ...drafted, reasons: '该信息为内部讨论稿，属于过程性信息。' },
    ]);
    expect(state.replyDraft?.review).toBeUndefined();
    expect(() => fold([...handling, drafted, approvedBy('r-1'), approvedBy('m-1', 'manager')])).toThrow(
      code('DISCLOSURE_NO_DRAFT_PENDING'),
    );
  });

  it('checks the draft as the law asks: reasons, remedies, and only while handling', () => {
    const { reasons: _reasons, ...noReasons } = drafted as Extract<CaseEvent, { type: 'ReplyDrafted' }>;
    expect(() => fold([...handling, noReasons])).toThrow(code('DISCLOSURE_REASONS_REQUIRED'));
    expect(() => fold([...handling, { ...drafted, remedyNotice: ' ' }])).toThrow(
      code('DISCLOSURE_REMEDY_NOTICE_REQUIRED'),
    );
    expect(() => fold([received, drafted])).toThrow(code('DISCLOSURE_ILLEGAL_STAGE'));
  });

  it('still folds a case replied before review existed when review is off', () => {
    const old: CaseEvent = { type: 'Replied', date: '2026-09-28', outcome: 'disclosed' };
    expect(foldCase([...handling, old], FROZEN_CALENDAR).closed).toEqual({ date: '2026-09-28', outcome: 'disclosed' });
  });
});
