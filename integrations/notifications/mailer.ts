import type { Knex } from 'knex';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { AppConfig } from '../../config';
import { recordPlatformNotification } from '../../db/system/platform-outbox';

export interface Mail {
  tenantId?: string;
  to: string;
  kind: 'email_verification' | 'password_reset';
  subject: string;
  text: string;
  idempotencyKey: string;
}

/** How the platform emails a person (verification and password-reset links). */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * SMTP (`SMTP_URL`) when configured; otherwise the platform outbox, which sandbox mode shows at
 * `GET /sandbox/outbox?to=<email>`. SMTP delivery is not awaited: a caller that mails only when an
 * account exists (password reset) then answers as fast as one that mails nobody.
 */
export function createMailer(config: AppConfig, system: Knex, logger: Logger): Mailer {
  const { smtpUrl, from } = config.mail;
  if (!smtpUrl) {
    if (!config.sandbox) logger.warn('SMTP_URL is not set: account emails are kept in the platform outbox only');
    return {
      async send(mail) {
        await recordPlatformNotification(system, {
          tenantId: mail.tenantId,
          to: mail.to,
          kind: mail.kind,
          body: `${mail.subject}\n\n${mail.text}`,
          idempotencyKey: mail.idempotencyKey,
        });
      },
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text }).catch((err: Error) => {
        logger.error({ kind: mail.kind, err: err.message }, 'account email not delivered');
      });
    },
  };
}
