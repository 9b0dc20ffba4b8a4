import type { TConversation } from '@domain/inbox';
import { formatPhoneNumber } from '@domain/phone-display';

/** The contact's name, or their number when they have none. */
export function contactName(c: TConversation): string {
  return c.contact.name?.trim() || formatPhoneNumber(c.contact.phone);
}

/** The number to show beside the name; null when the name already is the number. */
export function contactPhoneLine(c: TConversation): string | null {
  return c.contact.name?.trim() ? formatPhoneNumber(c.contact.phone) : null;
}

export const modeLabels: Record<TConversation['mode'], string> = { ai: 'AI', agent: 'Human', automation: 'Automation' };

export type Handler = 'ai' | 'automation' | 'nobody' | 'teammate' | 'team';

/** Who really answers the customer now: an AI-mode conversation while the AI is off is answered by nobody. */
export function conversationHandler(c: Pick<TConversation, 'mode' | 'assignedTo'>, aiEnabled: boolean | null): Handler {
  if (c.mode === 'automation') return 'automation';
  if (c.mode === 'ai') return aiEnabled === false ? 'nobody' : 'ai';
  return c.assignedTo ? 'teammate' : 'team';
}

export const handlerTexts: Record<Handler, string> = {
  ai: 'The AI is answering this conversation. Take over to stop it while you reply.',
  automation: 'The automation is answering this conversation. Take over to stop it while you reply.',
  nobody: 'The AI is off: nobody answers this conversation automatically. Reply yourself or assign a teammate.',
  teammate: 'A teammate is handling this conversation; the AI stays out of it.',
  team: 'Your team handles this conversation (nobody is assigned yet); the AI stays out of it.',
};

const handoffLabels: Record<string, string> = {
  low_confidence: 'The AI was not confident enough',
  ai_requested: 'The AI asked for a person',
  reply_cap: 'The AI reached its reply limit',
  empty_answer: 'The AI had no answer',
  outside_ai_hours: 'Outside the AI’s hours',
  unsupported_message: 'The AI cannot read this kind of message',
  plan_ai_limit: 'The plan’s AI replies are used up',
  ai_blocked: 'The AI’s answer was blocked',
  ai_malformed_answer: 'The AI gave an unreadable answer',
};

/** Why the AI handed over, in words an agent reads at a glance (`blocked_intent:refund` → "Needs a person: refund"). */
export function handoffText(reason: string): string {
  const [kind, detail] = reason.split(':', 2);
  if (kind === 'blocked_intent' && detail) return `Needs a person: ${detail.replace(/[_-]+/g, ' ')}`;
  return handoffLabels[reason] ?? reason.replace(/[_:]+/g, ' ');
}

/** "14:05" today, "Mon" this week, "12 Mar" before. */
export function shortTime(iso: string | null, now = new Date()): string {
  if (!iso) return '';
  const at = new Date(iso);
  const days = (now.getTime() - at.getTime()) / 86_400_000;
  if (at.toDateString() === now.toDateString()) return at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (days < 6) return at.toLocaleDateString(undefined, { weekday: 'short' });
  return at.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}
