import type { StaffActor } from '../accounts/actors';
import { DEFAULT_POLICY } from '../accounts/policy';
import { findAction } from './actions';
import { perform } from './decision-action';
import { initialState, type DecisionState } from './decision-state';
import { applyRegistration } from './register-decision';

const now = new Date('2026-11-02T02:00:00.000Z');
const day = 86_400_000;
const iso = (ms: number): string => new Date(now.getTime() + ms).toISOString();
const drafter: StaffActor = { accountId: 'a-drafter', username: 'drafter', unit: 'unit-a', role: 'drafter' };
const reviewer: StaffActor = { accountId: 'a-reviewer', username: 'reviewer', unit: 'unit-a', role: 'reviewer' };

const step = (state: DecisionState, actor: StaffActor, name: string, command: Record<string, unknown> = {}) =>
  perform(findAction(name)!, state, command, { actor, now, policy: DEFAULT_POLICY });

const registered = (confidential = false): DecisionState =>
  applyRegistration(initialState('d1'), {
    title: 't',
    summary: 's',
    unit: 'unit-a',
    category: 'c',
    confidential,
    riskAssessmentRequired: false,
  });

const pdf = { target: 'draft', name: ' 征求意见稿.pdf ', sha256: 'a'.repeat(64), size: 1234, type: 'pdf' };

describe('attaching an official file (ADR 87)', () => {
  it('keeps a draft file of an unpublished draft back and publishes it with the draft', () => {
    expect(() => step(registered(), drafter, 'attachments', pdf)).toThrow(
      expect.objectContaining({ code: 'ATTACHMENT_TARGET_NOT_READY' }),
    );
    let state = step(registered(), drafter, 'draft-versions', { draft: 'd', basis: 'b', explanation: 'e' }).state;
    const attached = step(state, drafter, 'attachments', pdf);
    expect(attached.events.public).toEqual([]);
    expect(attached.events.internal[0]).toMatchObject({ type: 'AttachmentAdded', data: { sha256: pdf.sha256 } });
    state = step(attached.state, drafter, 'consultation-plan', {
      channels: ['online'],
      opensAt: iso(day),
      closesAt: iso(40 * day),
    }).state;
    state = step(state, drafter, 'submit-for-publication').state;
    const approved = step(state, reviewer, 'approve', { reviewId: state.reviews![0]!.id });
    expect(approved.events.public.map((e) => e.type)).toEqual(['DraftPublished', 'AttachmentAdded']);
    expect(approved.events.public[1]!.data).toEqual({
      target: 'draft',
      version: 1,
      name: '征求意见稿.pdf',
      type: 'pdf',
      mediaType: 'application/pdf',
      size: 1234,
      sha256: pdf.sha256,
    });
    expect(approved.state.pendingAttachments).toBeUndefined();

    const later = step(approved.state, drafter, 'attachments', { ...pdf, sha256: 'b'.repeat(64) });
    expect(later.events.public.map((e) => e.type)).toEqual(['AttachmentAdded']);
    expect(() => step(approved.state, drafter, 'attachments', { ...pdf, target: 'report' })).toThrow(
      expect.objectContaining({ code: 'ATTACHMENT_TARGET_NOT_READY' }),
    );
  });

  it('never publishes a confidential decision’s file before the decision, and refuses what is not a stored file', () => {
    const state = step(registered(true), drafter, 'draft-versions', { draft: 'd', basis: 'b', explanation: 'e' }).state;
    const deciding = step(state, drafter, 'submit-for-decision').state;
    const attached = step(deciding, drafter, 'attachments', pdf);
    expect(attached.events.public).toEqual([]);
    expect(attached.state.pendingAttachments).toHaveLength(1);
    for (const [change, code] of [
      [{ type: 'exe' }, 'ATTACHMENT_TYPE_NOT_ALLOWED'],
      [{ sha256: '../../etc/passwd' }, 'ATTACHMENT_NOT_FOUND'],
      [{ target: 'annex' }, 'INVALID_FIELD'],
      [{ name: ' ' }, 'FIELD_REQUIRED'],
    ] as const)
      expect(() => step(deciding, drafter, 'attachments', { ...pdf, ...change })).toThrow(
        expect.objectContaining({ code }),
      );
    expect(() => step(deciding, reviewer, 'attachments', pdf)).toThrow(
      expect.objectContaining({ code: 'ROLE_NOT_ALLOWED' }),
    );
  });
});
