import type { PublicEventType } from '../../../../libs/domain/src';
import type { OutgoingMail } from '../../../../libs/persistence/src';
import { STEP_LABELS, VERDICT_WORDS } from './step-labels';

/** A message ready for the transport: plain UTF-8 text, its headers, never logged. */
export interface ComposedMail {
  subject: string;
  text: string;
  headers: Record<string, string>;
}

/**
 * Writes one notification (ADR 95): zh-CN, or English for a follower who followed from an English
 * page; an opinion's sender (whose page language is not kept) gets both, zh-CN first. Every message
 * carries its one-click unsubscribe link (RFC 8058 headers and in the text). Pure.
 */
export function composeMail(mail: OutgoingMail, baseUrl: string): ComposedMail {
  const base = baseUrl.replace(/\/+$/, '');
  const token = encodeURIComponent(mail.token);
  const unsubscribeUrl = `${base}/follow/unsubscribe?token=${token}`;
  const links = {
    base,
    decision: `${base}/decisions/${encodeURIComponent(mail.decision.id)}`,
    confirm: `${base}/follow/confirm?token=${token}`,
    unsubscribe: unsubscribeUrl,
  };
  const [subject, body] = mail.kind === 'answer' ? answerMail(mail, links) : followerMail(mail, links);
  return {
    subject,
    text: body,
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
    },
  };
}

type Links = { base: string; decision: string; confirm: string; unsubscribe: string };

function followerMail(mail: OutgoingMail, links: Links): [string, string] {
  const en = mail.lang === 'en';
  const decision = en ? `${links.decision}?lang=en` : links.decision;
  const title = mail.decision.title;
  if (mail.kind === 'confirm') {
    return en
      ? [
          `Confirm: follow "${title}"`,
          lines(
            `Someone (we hope you) asked to be told by e-mail of each public step of "${title}".`,
            `To confirm, open this link and press the button: ${links.confirm}&lang=en`,
            `If it was not you, do nothing: without a confirmation no further message is sent.`,
            `The decision: ${decision}`,
            `Stop all messages: ${links.unsubscribe}&lang=en`,
          ),
        ]
      : [
          `请确认关注：《${title}》`,
          lines(
            `有人（希望是您本人）申请在《${title}》每有一项公开进展时收到电子邮件通知。`,
            `请打开以下链接并点击按钮确认：${links.confirm}`,
            `如非本人操作，请忽略本邮件：未经确认，不会再向您发送任何邮件。`,
            `决策事项：${decision}`,
            `退订：${links.unsubscribe}`,
          ),
        ];
  }
  const step = mail.step!;
  const [zh, english] = STEP_LABELS[step.type as PublicEventType] ?? [step.type, step.type];
  const timeline = `${links.decision}/timeline${en ? '?lang=en' : ''}`;
  return en
    ? [
        `${english}: ${title}`,
        lines(
          `A new public step of "${title}": ${english} (entry ${step.seq} of its public record).`,
          `Read it on the decision's page: ${decision}`,
          `The public record: ${timeline}`,
          `You receive this because you follow this decision. Unsubscribe with one click: ${links.unsubscribe}&lang=en`,
        ),
      ]
    : [
        `${zh}：《${title}》`,
        lines(
          `《${title}》有新的公开进展：${zh}（公开记录第${step.seq}条）。`,
          `查看决策事项：${decision}`,
          `公开记录：${timeline}`,
          `您关注了该决策事项，因此收到本邮件。一键退订：${links.unsubscribe}`,
        ),
      ];
}

function answerMail(mail: OutgoingMail, links: Links): [string, string] {
  const { receipt, answer } = mail.answer!;
  const receiptUrl = `${links.base}/receipts?receipt=${encodeURIComponent(receipt)}`;
  const [zhVerdict, enVerdict] = VERDICT_WORDS[answer.verdict] ?? [answer.verdict, answer.verdict];
  const title = mail.decision.title;
  return [
    `您的意见已有答复 / Your opinion was answered：《${title}》`,
    lines(
      `您对《${title}》提出的意见（回执号 ${receipt}）已有公开答复。`,
      `处理结果：${zhVerdict}`,
      `答复：${answer.text}`,
      ...(answer.reason ? [`理由：${answer.reason}`] : []),
      `查看回执与答复：${receiptUrl}`,
      `退订：${links.unsubscribe}`,
      '',
      '----',
      '',
      `Your opinion on "${title}" (receipt ${receipt}) has a public answer.`,
      `Outcome: ${enVerdict}`,
      `Answer: ${answer.text}`,
      ...(answer.reason ? [`Reason: ${answer.reason}`] : []),
      `Your receipt and its answer: ${receiptUrl}&lang=en`,
      `Unsubscribe: ${links.unsubscribe}&lang=en`,
    ),
  ];
}

const lines = (...parts: string[]): string => `${parts.join('\n\n')}\n`;
