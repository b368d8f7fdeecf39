import { foldCase, FROZEN_CALENDAR, type StaffActor } from '../../../../../libs/domain/src';
import { parseDisclosureCommand } from '../act-on-disclosure-request/command-schemas';
import { COMMAND_FORMS, offeredCommands } from './command-forms';
import { formToBody } from './disclosure-forms';

const actor = (role: StaffActor['role']): StaffActor => ({
  accountId: `acc-${role}`,
  username: role,
  unit: 'unit-a',
  role,
});

describe('the console forms of a disclosure case', () => {
  it('turn typed fields into the API body: numbers, yes/no, nested names, empty fields left out', () => {
    expect(
      formToBody(COMMAND_FORMS['grant-extension'].fields, { workingDays: '10', notifiedDate: '2026-12-04', date: '' }),
    ).toEqual({ workingDays: 10, notifiedDate: '2026-12-04' });
    expect(formToBody(COMMAND_FORMS['answer-consultation'].fields, { id: 'tp-1', consent: 'false' })).toEqual({
      id: 'tp-1',
      consent: false,
    });
    const draft = formToBody(COMMAND_FORMS['draft-reply'].fields, {
      outcome: 'not_held',
      competentAgencyKnown: 'true',
      'competentAgency.name': '某区住房和城乡建设局',
      remedyNotice: '可以申请行政复议。',
    });
    expect(draft).toEqual({
      outcome: 'not_held',
      competentAgencyKnown: true,
      competentAgency: { name: '某区住房和城乡建设局' },
      remedyNotice: '可以申请行政复议。',
    });
    expect(parseDisclosureCommand('draft-reply', draft)).toEqual(draft);
  });

  it('refuses a body of the wrong shape naming the field', () => {
    expect(() => parseDisclosureCommand('grant-extension', { workingDays: 'ten', notifiedDate: '2026-12-04' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', details: { field: 'workingDays' } }) as Error,
    );
    expect(() => parseDisclosureCommand('archive', { outcome: 'disclosed' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }) as Error,
    );
  });

  it('offers the extension to managers and the review to reviewers, once a draft waits', () => {
    const handling = foldCase(
      [
        { type: 'RequestReceived', date: '2026-09-23', channel: 'fax', handlerId: 'acc-drafter' },
        { type: 'StageMoved', date: '2026-09-24', to: 'review' },
        { type: 'StageMoved', date: '2026-09-24', to: 'handling' },
      ],
      FROZEN_CALENDAR,
    );
    expect(offeredCommands(handling, actor('drafter'))).not.toContain('grant-extension');
    expect(offeredCommands(handling, actor('manager'))).toContain('grant-extension');
    const drafted = {
      ...handling,
      replyDraft: { date: '2026-09-25', draftedBy: 'acc-drafter', outcome: 'disclosed' as const, remedyNotice: 'x' },
    };
    expect(offeredCommands(drafted, actor('reviewer'))).toContain('review-reply');
    expect(offeredCommands(drafted, actor('drafter'))).not.toContain('review-reply');
    expect(offeredCommands({ ...handling, stage: 'archive' }, actor('manager'))).toEqual([]);
  });
});
