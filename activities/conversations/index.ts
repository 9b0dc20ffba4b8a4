import type Redis from 'ioredis';
import type { AppConfig } from '../../config';
import type { Database } from '../../db/connection';
import type { DeliveryStatus, InboundMessage, TMessageContent } from '../../domain/messages';
import type { TRealtimeEvent } from '../../domain/realtime';
import { publishEvent } from '../../infra/realtime/publish-event';
import { applyStatuses } from './apply-statuses';
import { applyConversationCommand } from './apply-command';
import type { ConversationCommand, TOutboundSender } from '../../domain/inbox';
import { setOptOut } from './contact-consent';
import { findHandoffNotice } from './handoff-notice';
import { markMessageFailed } from './mark-message-failed';
import { recordInbound } from './record-inbound';
import { recordOutbound } from './record-outbound';

export interface ConversationActivityDeps {
  db: Database;
  config: Pick<AppConfig, 'encryptionKeys' | 'blindIndexKey'>;
  /** The realtime bus is Redis pub/sub when configured, else Postgres NOTIFY. */
  redis?: Redis;
}

/** The writes the conversation and channel actors own. */
export function createConversationActivities({ db, config, redis }: ConversationActivityDeps) {
  return {
    recordInbound: (input: { tenantId: string; message: InboundMessage }) => recordInbound(db, config, input),
    recordOutbound: (input: {
      tenantId: string;
      messageId: string;
      phoneNumberId: string;
      phone: string;
      content: TMessageContent;
      sender: TOutboundSender;
      senderUserId: string | null;
    }) => recordOutbound(db, config, input),
    setOptOut: (input: { tenantId: string; contactId: string; optedOut: boolean }) => setOptOut(db, input),
    markMessageFailed: (input: Parameters<typeof markMessageFailed>[1]) => markMessageFailed(db, input),
    applyStatuses: (input: { tenantId: string; statuses: DeliveryStatus[] }) => applyStatuses(db, input),
    applyConversationCommand: (input: { tenantId: string; conversationId: string; command: ConversationCommand }) => applyConversationCommand(db, input),
    findHandoffNotice: (input: { tenantId: string }) => findHandoffNotice(db, input),
    publishEvents: async (events: TRealtimeEvent[]) => {
      for (const event of events) await publishEvent(db.system, event, redis);
    },
  };
}

export type ConversationActivities = ReturnType<typeof createConversationActivities>;
