import { z } from 'zod';
import { ACTION_RULES, ACTIONS, decide } from './actions';
import { initialState, type DecisionState } from './decision-state';
import { DEFAULT_POLICY } from '../accounts/policy';
import { read } from './command-schema-kit';
import { ACTION_NAMES, COMMAND_SCHEMAS, MilestoneInputSchema, type Command } from './command-schemas';
import { validateMilestones } from './actions-deciding';

/** A field's description, looking through `.optional()` (which keeps it on the inner schema). */
const described = (field: z.ZodType): boolean =>
  Boolean(
    field.description ?? (field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType).description : undefined),
  );

const refusal = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

describe('the command schemas', () => {
  it('name every staff action, each with its rule filed under the same name', () => {
    expect(ACTIONS.map((action) => action.name)).toEqual(ACTION_NAMES);
    for (const name of ACTION_NAMES) expect(ACTION_RULES[name].name).toBe(name);
  });

  it('describe every field, so the API documents it', () => {
    const undescribed = ACTION_NAMES.flatMap((name) =>
      Object.entries(COMMAND_SCHEMAS[name].shape)
        .filter(([, field]) => !described(field as z.ZodType))
        .map(([key]) => `${name}.${key}`),
    );
    expect(undescribed).toEqual([]);
  });

  it('refuse a blank or too long text with FIELD_REQUIRED or FIELD_TOO_LONG, naming the field', () => {
    const schema = COMMAND_SCHEMAS.evaluation;
    expect(refusal(() => read(schema, {}, 'evaluatorUnit'))).toMatchObject({
      code: 'FIELD_REQUIRED',
      message: 'evaluatorUnit is required.',
      details: { field: 'evaluatorUnit' },
    });
    expect(refusal(() => read(schema, { evaluatorUnit: '   ' }, 'evaluatorUnit'))).toMatchObject({
      code: 'FIELD_REQUIRED',
    });
    expect(refusal(() => read(schema, { evaluatorUnit: 7 }, 'evaluatorUnit'))).toMatchObject({
      code: 'FIELD_REQUIRED',
    });
    expect(refusal(() => read(schema, { evaluatorUnit: 'x'.repeat(65) }, 'evaluatorUnit'))).toMatchObject({
      code: 'FIELD_TOO_LONG',
      message: 'evaluatorUnit is longer than 64 characters.',
    });
    expect(read(schema, { evaluatorUnit: ' unit-b ' }, 'evaluatorUnit')).toBe(' unit-b ');
  });

  it('refuse a malformed date-time with INVALID_DATE', () => {
    const schema = COMMAND_SCHEMAS.extend;
    expect(refusal(() => read(schema, { closesAt: '2027-01-10' }, 'closesAt'))).toMatchObject({
      code: 'INVALID_DATE',
      details: { field: 'closesAt' },
    });
    expect(refusal(() => read(schema, { closesAt: '2027-13-45T00:00:00Z' }, 'closesAt'))).toMatchObject({
      code: 'INVALID_DATE',
    });
    expect(read(schema, { closesAt: '2027-01-10T00:00:00+08:00' }, 'closesAt')).toBe('2027-01-10T00:00:00+08:00');
  });

  it("refuse an enumeration's stray value with the rule's own code, also through .describe() and .optional()", () => {
    expect(
      refusal(() => read(COMMAND_SCHEMAS['risk-assessments'], { conclusion: 'maybe' }, 'conclusion')),
    ).toMatchObject({ code: 'INVALID_CONCLUSION' });
    expect(refusal(() => read(COMMAND_SCHEMAS['withhold-opinion'], { reason: 'dislike' }, 'reason'))).toMatchObject({
      code: 'INVALID_REASON',
    });
    expect(refusal(() => read(COMMAND_SCHEMAS['channel-records'], { channel: 'online' }, 'channel'))).toMatchObject({
      code: 'INVALID_CHANNELS',
    });
    expect(refusal(() => read(COMMAND_SCHEMAS['consultation-plan'], { channels: [] }, 'channels'))).toMatchObject({
      code: 'INVALID_CHANNELS',
    });
    expect(
      refusal(() => read(COMMAND_SCHEMAS['consultation-plan'], { shortenedReason: 5 }, 'shortenedReason')),
    ).toMatchObject({ code: 'INVALID_FIELD' });
    expect(refusal(() => read(COMMAND_SCHEMAS['legality-review-request'], { dueAt: 'soon' }, 'dueAt'))).toMatchObject({
      code: 'INVALID_DATE',
    });
  });

  it('read a whole number the way the rules always did (a numeric text counts)', () => {
    const schema = COMMAND_SCHEMAS['channel-records'];
    expect(read(schema, { participantsCount: '12' }, 'participantsCount')).toBe(12);
    expect(refusal(() => read(schema, { participantsCount: 1.5 }, 'participantsCount'))).toMatchObject({
      code: 'FIELD_REQUIRED',
      message: 'participantsCount must be a whole number.',
    });
    expect(read(schema, { participantsCount: 1e20 }, 'participantsCount')).toBe(1e20);
    expect(refusal(() => read(schema, { participantsCount: -1 }, 'participantsCount'))).toMatchObject({
      code: 'FIELD_REQUIRED',
    });
  });

  it('read milestones weight first, naming the item', () => {
    expect(
      refusal(() =>
        validateMilestones([{ title: 't', unit: 'u', dueAt: '2027-01-10T00:00:00Z', weight: 1 }, { weight: 0 }]),
      ),
    ).toMatchObject({ code: 'INVALID_WEIGHT', message: 'milestones[1].weight must be a positive number.' });
    expect(refusal(() => validateMilestones([{ weight: 2 }]))).toMatchObject({
      code: 'FIELD_REQUIRED',
      details: { field: 'milestones[0].title' },
    });
    expect(refusal(() => validateMilestones('none'))).toMatchObject({
      code: 'FIELD_REQUIRED',
      message: 'milestones must be a list.',
    });
    expect(Object.keys(MilestoneInputSchema.shape)).toEqual(['title', 'unit', 'dueAt', 'weight']);
  });
});

describe('decide: a typed command runs the rule of its action', () => {
  const drafter = { accountId: 'a-drafter', username: 'drafter', unit: 'unit-a', role: 'drafter' as const };
  const given: DecisionState = { ...initialState('d1'), registered: true, unit: 'unit-a', title: 't' };
  const context = { actor: drafter, now: new Date('2026-11-02T02:00:00.000Z'), policy: DEFAULT_POLICY };

  it('saves a draft version from a draft-versions command', () => {
    const command: Command = { action: 'draft-versions', body: { draft: 'd', basis: 'b', explanation: 'e' } };
    const step = decide(given, command, context);
    expect(step.state.draft).toEqual({ version: 1, draft: 'd', basis: 'b', explanation: 'e' });
    expect(step.events.internal[0]).toMatchObject({ type: 'DraftVersionSaved' });
  });

  it("refuses it with the action's stage rule before any field is read", () => {
    const command: Command = { action: 'close', body: { reason: '' } };
    expect(() => decide(given, command, context)).toThrow(expect.objectContaining({ code: 'ROLE_NOT_ALLOWED' }));
    expect(() => decide(given, command, { ...context, actor: { ...drafter, role: 'manager' } })).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }),
    );
  });
});
