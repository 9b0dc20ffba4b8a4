import type { TAiSettings } from './ai';
import { isWithinBusinessHours } from './business-hours';

export const HANDOFF_MESSAGE_MAX = 500;
export const suggestedHandoffMessage = 'Thanks for your message. A teammate will reply shortly.';
export const suggestedOutOfHoursMessage = 'Thanks for your message. Our team is offline right now and will reply when we are back.';

const messageFields = ['handoffMessage', 'outOfHoursMessage'] as const;

/**
 * A hand-off message that is set must say something and fit a short WhatsApp text: blank or too long
 * is refused with 422 when saving (null turns it off). The settings form shows the same under the field.
 */
export function handoffMessageProblems(settings: Partial<Pick<TAiSettings, (typeof messageFields)[number]>>): { path: string; message: string }[] {
  return messageFields.flatMap((field) => {
    const text = settings[field];
    if (text === null || text === undefined) return [];
    if (!text.trim()) return [{ path: field, message: 'Write a message, or turn it off' }];
    if (text.length > HANDOFF_MESSAGE_MAX) return [{ path: field, message: `Keep it to ${HANDOFF_MESSAGE_MAX} characters` }];
    return [];
  });
}

/**
 * What the customer is told once the AI hands them to people: the out-of-hours message when business
 * hours are set and the team is outside them (and that message is set), the hand-off message otherwise.
 */
export function handoffNotice(settings: Pick<TAiSettings, 'businessHours' | 'handoffMessage' | 'outOfHoursMessage'>, at: Date): string | null {
  const offline = settings.businessHours !== null && !isWithinBusinessHours(settings.businessHours, at);
  if (offline && settings.outOfHoursMessage) return settings.outOfHoursMessage;
  return settings.handoffMessage;
}
