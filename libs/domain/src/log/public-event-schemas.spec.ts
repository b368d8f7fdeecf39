import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePublicEvent, PUBLIC_EVENT_SCHEMAS, readPublicEvent } from './public-event-schemas';
import type { PublicEventType } from './public-log';

type Recorded = { type: PublicEventType; data: unknown };

/** Every public event in the recorded histories of test/replay (the appends' payloads, decoded). */
function recordedPublicEvents(): Recorded[] {
  const dir = join(__dirname, '..', '..', '..', '..', 'test', 'replay');
  const events: Recorded[] = [];
  const walk = (value: unknown, visit: (node: Record<string, unknown>) => void): void => {
    if (Array.isArray(value)) value.forEach((item) => walk(item, visit));
    else if (value && typeof value === 'object') {
      visit(value as Record<string, unknown>);
      Object.values(value).forEach((item) => walk(item, visit));
    }
  };
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.history.json'))) {
    walk(JSON.parse(readFileSync(join(dir, file), 'utf8')), (node) => {
      if (typeof node['data'] !== 'string' || !node['metadata']) return;
      let payload: unknown;
      try {
        payload = JSON.parse(Buffer.from(node['data'], 'base64').toString('utf8'));
      } catch {
        return;
      }
      walk(payload, (step) => {
        if (Array.isArray(step['public'])) events.push(...(step['public'] as Recorded[]));
      });
    });
  }
  return events;
}

describe('the public event schemas', () => {
  const recorded = recordedPublicEvents();

  it('parse every public event of the recorded histories, old shapes included', () => {
    expect(recorded.length).toBeGreaterThan(50);
    const unparsed = recorded
      .filter((event) => !PUBLIC_EVENT_SCHEMAS[event.type].safeParse(event.data).success)
      .map((event) => event.type);
    expect(unparsed).toEqual([]);
  });

  it('keep fields they do not know, and refuse data of another shape', () => {
    expect(parsePublicEvent('DecisionClosed', { reason: 'done', later: 1 })).toEqual({ reason: 'done', later: 1 });
    expect(parsePublicEvent('MilestoneCompleted', { milestone: 'm1' })).toBeUndefined();
    expect(parsePublicEvent('EvaluationStarted', { trigger: 'scheduled', evaluatorUnit: null })).toEqual({
      trigger: 'scheduled',
      evaluatorUnit: null,
    });
  });

  it('read an entry field by field, as far as it goes: a mistyped field is absent, the rest is kept', () => {
    expect(
      readPublicEvent('ConsultationClosed', {
        closedAt: '2027-01-01T00:00:00Z',
        feedbackDueAt: 7,
        counts: { received: 3, published: 'x' },
      }),
    ).toEqual({ closedAt: '2027-01-01T00:00:00Z', counts: { received: 3, withheld: {}, byChannel: {} } });
    expect(
      readPublicEvent('FeedbackPublished', {
        statistics: { answered: { adopted: 2, not_adopted: 'x' } },
        clusters: [1, { label: 'L', size: 'big' }],
      }),
    ).toEqual({
      statistics: { answered: { adopted: 2 } },
      clusters: [{}, { label: 'L' }],
    });
    expect(readPublicEvent('EvaluationStarted', { trigger: 'unheard-of', evaluatorUnit: null })).toEqual({
      evaluatorUnit: null,
    });
    expect(readPublicEvent('DueDateRecomputed', { sources: ['a', 3, 'b'] })).toEqual({
      sources: ['a', 'b'],
      count: {},
    });
    expect(readPublicEvent('DecisionClosed', 'not an object')).toEqual({});
  });
});
