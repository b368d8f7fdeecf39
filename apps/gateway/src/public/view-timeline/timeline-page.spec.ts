import type { PublicLogEntry } from '../../../../../libs/domain/src';
import { renderTimeline } from './timeline-page';

const entry = (seq: number, type: string, data: Record<string, unknown>): PublicLogEntry =>
  ({
    decisionId: 'd1',
    seq,
    type,
    occurredAt: '2026-11-26T08:00:00.000Z',
    actor: { unit: 'unit-a', role: 'drafter' },
    data,
    prevHash: 'p',
    hash: 'h',
  }) as PublicLogEntry;

describe('the public log page', () => {
  it('summarizes each entry in English on the English page, without a Chinese note', () => {
    const page = renderTimeline(
      'd1',
      [entry(1, 'ConsultationOpened', { closesAt: '2026-11-26T08:00:00.000Z', channels: ['online'] })],
      'en',
    ).value;
    expect(page).toContain('<p>Consultation opened until 2026-11-26\u00a016:00 (Beijing time). Channels: online.</p>');
    expect(page).not.toContain('lang="zh-CN"');
    expect(page).not.toContain('in Chinese');
  });

  it('keeps the zh-CN summary on the Chinese page', () => {
    const page = renderTimeline(
      'd1',
      [entry(1, 'ConsultationOpened', { closesAt: '2026-11-26T08:00:00.000Z', channels: ['online'] })],
      'zh-CN',
    ).value;
    expect(page).toContain('<p>征求意见开始，截止时间2026-11-26\u00a016:00。渠道：网上征求意见。</p>');
  });

  it.each(['en', 'zh-CN'] as const)('renders markup in the data as text (%s)', (locale) => {
    const attack = '<script>alert(1)</script>';
    const page = renderTimeline(
      'd1',
      [
        entry(1, 'DecisionResumed', { reason: attack }),
        entry(2, 'MilestonePlanned', { title: '<img src=x onerror=alert(2)>' }),
      ],
      locale,
    ).value;
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
