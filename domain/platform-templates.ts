/**
 * The message templates the platform's own WhatsApp number sends with. Outside a 24-hour window
 * Meta delivers only approved templates: codes use an AUTHENTICATION template (body `{{1}}` and a
 * copy-code URL button carrying the code), reminders a UTILITY one. The definitions are in Meta's
 * creation format, so they can be submitted for approval as they are (the sandbox does so).
 */
export const platformTemplates = {
  otp: {
    name: 'aerostic_verification_code',
    language: 'en',
    category: 'AUTHENTICATION',
    components: [
      { type: 'BODY', text: '*{{1}}* is your verification code. For your security, do not share this code.', example: { body_text: [['123456']] } },
      { type: 'FOOTER', text: 'This code expires in 10 minutes.' },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'URL',
            text: 'Copy code',
            url: 'https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}',
            example: ['https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp123456'],
          },
        ],
      },
    ],
  },
  trialReminder: {
    name: 'aerostic_trial_reminder',
    language: 'en',
    category: 'UTILITY',
    components: [
      { type: 'BODY', text: 'Your Aerostic free trial ends in {{1}}. Choose a plan under Billing to keep your workspace running.', example: { body_text: [['2 days']] } },
    ],
  },
} as const;

/** What one platform notification sends: a template, its body values and the URL button's value. */
export interface PlatformTemplateMessage {
  name: string;
  language: string;
  bodyParameters: string[];
  buttonParameter?: string;
}

export function otpTemplateMessage(code: string): PlatformTemplateMessage {
  return { name: platformTemplates.otp.name, language: platformTemplates.otp.language, bodyParameters: [code], buttonParameter: code };
}

export function trialReminderTemplateMessage(daysText: string): PlatformTemplateMessage {
  return { name: platformTemplates.trialReminder.name, language: platformTemplates.trialReminder.language, bodyParameters: [daysText] };
}
