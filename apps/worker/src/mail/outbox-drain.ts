import { createTransport, type Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { claimMail, loadMail, settleMail, type MailOutcome } from '../../../../libs/persistence/src';
import { composeMail } from './compose-mail';

/** Where and as whom messages go: `SMTP_URL`, `MAIL_FROM`, and the links' `PUBLIC_BASE_URL`. */
export interface MailSettings {
  smtpUrl: string;
  from: string;
  baseUrl: string;
}

/** A claimed message left unsettled (its sender died) is sent again after this long. */
export const SENDING_LEASE_MS = 10 * 60_000;

export interface DrainResult {
  sent: number;
  cancelled: number;
  failed: number;
  /** True when the batch ended at its limit: more may be waiting. */
  more: boolean;
}

/** Thrown when the SMTP server could not be reached: the message was queued again; retry later. */
export class MailServerUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`the SMTP server is unavailable (${reason})`);
    this.name = 'MailServerUnavailableError';
  }
}

export function createMailTransport(settings: MailSettings): Transporter {
  return createTransport({ url: settings.smtpUrl, socketTimeout: 60_000, greetingTimeout: 30_000 });
}

/**
 * Sends up to `limit` messages of the outbox, one claim at a time (ADR 94): claim (`sending`, its
 * Message-ID fixed since it was queued), send, settle. A retried drain finds what it sent settled and
 * what it claimed still leased, so it sends neither again. Only a sender that died between the
 * server's acceptance and the settle leaves a message whose fate is unknown: after the lease it is sent
 * again with the same Message-ID (at least once, never silently dropped).
 */
export async function drainOutbox(
  dataSource: DataSource,
  transport: Transporter,
  settings: MailSettings,
  limit: number,
  onProgress: (sent: number) => void = () => undefined,
): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, cancelled: 0, failed: 0, more: false };
  for (let done = 0; done < limit; done++) {
    const [key] = await claimMail(dataSource, 1, new Date(), SENDING_LEASE_MS);
    if (!key) return result;
    const loaded = await loadMail(dataSource, key);
    let outcome: MailOutcome;
    if ('cancelled' in loaded) outcome = { status: 'cancelled', reason: loaded.cancelled };
    else {
      const composed = composeMail(loaded.mail, settings.baseUrl);
      outcome = await send(transport, {
        from: settings.from,
        to: loaded.mail.to,
        messageId: loaded.mail.messageId,
        subject: composed.subject,
        text: composed.text,
        headers: composed.headers,
      });
    }
    await settleMail(dataSource, key, outcome, new Date());
    if (outcome.status === 'sent') result.sent++;
    else if (outcome.status === 'cancelled') result.cancelled++;
    else if (outcome.status === 'failed') result.failed++;
    else throw new MailServerUnavailableError(outcome.error);
    onProgress(result.sent);
  }
  result.more = true;
  return result;
}

async function send(transport: Transporter, message: Parameters<Transporter['sendMail']>[0]): Promise<MailOutcome> {
  try {
    await transport.sendMail(message);
    return { status: 'sent' };
  } catch (error) {
    return classify(error as SmtpError);
  }
}

type SmtpError = Error & { code?: string; responseCode?: number; command?: string };

/**
 * A permanent refusal (5xx) fails the message; a temporary one (4xx), or a failure before the message
 * was handed over (connection, greeting, authentication, envelope), queues it again; a failure during
 * or after DATA leaves its fate unknown. The recorded reason is the code, never the server's text
 * (which may quote the address).
 */
function classify(error: SmtpError): MailOutcome {
  const reason = `${error.code ?? 'ERROR'} ${error.responseCode ?? ''} ${error.command ?? ''}`.trim();
  if (error.responseCode && error.responseCode >= 500) return { status: 'failed', error: reason };
  if (error.responseCode && error.responseCode >= 400) return { status: 'released', error: reason };
  if (error.command && error.command !== 'DATA') return { status: 'released', error: reason };
  if (error.code === 'ECONNECTION' || error.code === 'EDNS' || error.code === 'EAUTH')
    return { status: 'released', error: reason };
  return { status: 'unknown', error: reason };
}
