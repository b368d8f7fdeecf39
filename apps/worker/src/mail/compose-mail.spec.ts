import type { OutgoingMail } from '../../../../libs/persistence/src';
import { composeMail } from './compose-mail';

const BASE = 'https://decisions.example.gov.cn/';
const mail = (overrides: Partial<OutgoingMail>): OutgoingMail => ({
  key: 'k',
  messageId: '<m@open-decision.invalid>',
  kind: 'step',
  to: 'reader@example.com',
  lang: 'zh-CN',
  token: 'tok_en-1',
  decision: { id: 'd-1', title: '停车收费调整' },
  step: { seq: 7, type: 'DecisionPublished', occurredAt: '2026-12-06T00:00:00.000Z' },
  ...overrides,
});

describe('composeMail', () => {
  it('names the step in the follower’s language and links the decision and one-click unsubscribe', () => {
    const zh = composeMail(mail({}), BASE);
    expect(zh.subject).toBe('决策公布：《停车收费调整》');
    expect(zh.text).toContain('公开记录第7条');
    expect(zh.text).toContain('https://decisions.example.gov.cn/decisions/d-1\n');
    expect(zh.headers).toMatchObject({
      'List-Unsubscribe': '<https://decisions.example.gov.cn/follow/unsubscribe?token=tok_en-1>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    const en = composeMail(mail({ lang: 'en' }), BASE);
    expect(en.subject).toBe('Decision published: 停车收费调整');
    expect(en.text).toContain('https://decisions.example.gov.cn/decisions/d-1?lang=en');
    expect(en.text).not.toMatch(/[：，。]/);
  });

  it('writes an answer in both languages with the receipt link', () => {
    const composed = composeMail(
      mail({
        kind: 'answer',
        step: undefined,
        answer: {
          receipt: 'OD-7K3M-9QX2-H4TR-5',
          answer: { verdict: 'not_adopted', text: '暂不采纳', reason: '成本已核定', scope: 'opinion', cluster: null },
        },
      }),
      BASE,
    );
    expect(composed.text).toContain('处理结果：未采纳');
    expect(composed.text).toContain('Outcome: Not adopted');
    expect(composed.text).toContain('理由：成本已核定');
    expect(composed.text).toContain('https://decisions.example.gov.cn/receipts?receipt=OD-7K3M-9QX2-H4TR-5');
    expect(composed.text.indexOf('处理结果')).toBeLessThan(composed.text.indexOf('Outcome'));
  });

  it('asks a new follower to confirm, and says nothing more is sent without it', () => {
    const composed = composeMail(mail({ kind: 'confirm', step: undefined }), BASE);
    expect(composed.subject).toBe('请确认关注：《停车收费调整》');
    expect(composed.text).toContain('https://decisions.example.gov.cn/follow/confirm?token=tok_en-1');
    expect(composed.text).toContain('未经确认，不会再向您发送任何邮件');
  });
});
