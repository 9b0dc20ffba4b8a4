/** STOP / START keywords (SPEC §2.15), including common localized forms. Matched on the whole message. */
const STOP = ['stop', 'stop all', 'unsubscribe', 'cancel', 'end', 'quit', 'optout', 'opt out', 'arret', 'arrêt', 'alto', 'parar', 'baja', 'ruko', 'band karo', 'बंद', 'रोकें'];
const START = ['start', 'unstop', 'subscribe', 'resume', 'optin', 'opt in', 'shuru', 'शुरू'];

export type OptKeyword = 'stop' | 'start' | null;

export function optKeyword(text: string): OptKeyword {
  const normalized = text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
  if (STOP.includes(normalized)) return 'stop';
  if (START.includes(normalized)) return 'start';
  return null;
}

export const optOutConfirmation = 'You have been unsubscribed and will receive no more messages from us. Reply START to subscribe again.';
export const optInConfirmation = 'You are subscribed again. Reply STOP at any time to unsubscribe.';
