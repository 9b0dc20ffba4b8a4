import type { ConnectWhatsappInput } from '../../domain/whatsapp-connect';
import { connectWhatsappNumber } from './connect-whatsapp-number';
import type { WhatsappActivityDeps } from './whatsapp-deps';

export type { WhatsappActivityDeps } from './whatsapp-deps';

/** Connecting numbers; the token stays inside the activity (see connect-whatsapp-number.ts). */
export function createWhatsappActivities(deps: WhatsappActivityDeps) {
  return {
    connectWhatsappNumber: (input: ConnectWhatsappInput) => connectWhatsappNumber(deps, input),
  };
}

export type WhatsappActivities = ReturnType<typeof createWhatsappActivities>;
