import type { Knex } from 'knex';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { AppConfig } from '../../config';
import { recordPlatformNotification } from '../../db/system/platform-outbox';

export interface Mail {
  tenantId?: string;
  to: string;
  kind: 'email_verification' | 'password_reset' | 'team_invite';
  subject: string;
  text: string;
  idempotencyKey: string;
}

/** How the platform emails a person (verification and password-reset links, team invitations). */
export interface Mailer {
  /** Hands the mail over without waiting for the SMTP server's answer. */
  send(mail: Mail): Promise<void>;
  /** Waits until the SMTP server (or the outbox) has taken the mail; rejects when it refused or was unreachable. */
  deliver(mail: Mail): Promise<void>;
}

/**
 * SMTP (`SMTP_URL`) when configured; otherwise the platform outbox, which sandbox mode shows at
 * `GET /sandbox/outbox?to=<email>`. `send` does not await SMTP: a caller that mails only when an
 * account exists (password reset) then answers as fast as one that mails nobody. `deliver` awaits
 * it, for a caller that tells the person whether the mail left (an invitation).
 */
export function createMailer(config: AppConfig, system: Knex, logger: Logger): Mailer {
  const { smtpUrl, from } = config.mail;
  if (!smtpUrl) {
    if (!config.sandbox) logger.warn('SMTP_URL is not set: account emails are kept in the platform outbox only');
    const record = async (mail: Mail) => {
      await recordPlatformNotification(system, {
        tenantId: mail.tenantId,
        to: mail.to,
        kind: mail.kind,
        body: `${mail.subject}\n\n${mail.text}`,
        idempotencyKey: mail.idempotencyKey,
      });
    };
    return { send: record, deliver: record };
  }
  // Bounded, so a mail server that never answers can't hold a request open for nodemailer's default two minutes.
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  const deliver = async (mail: Mail) => {
    try {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    } catch (err) {
      logger.error({ kind: mail.kind, err: (err as Error).message }, 'account email not delivered');
      throw err;
    }
  };
  return {
    async send(mail) {
      deliver(mail).catch(() => undefined);
    },
    deliver,
  };
}
