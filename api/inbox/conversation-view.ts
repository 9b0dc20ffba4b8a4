import type { AppConfig } from '../../config';
import type { ConversationListing } from '../../db/inbox/conversations';
import type { Message } from '../../db/inbox/messages';
import type { Note } from '../../db/inbox/notes';
import { openContactPhone } from '../../db/crypto/sealed-columns';
import type { TConversation, TInboxMessage, TNote } from '../../domain/inbox';

type Keys = Pick<AppConfig, 'encryptionKeys'>;

/** SPEC §3 shape of a conversation (the contact's phone is decrypted for the agent). */
export function toConversationView(keys: Keys, c: ConversationListing): TConversation {
  return {
    id: c.id,
    contact: {
      id: c.contact.id,
      name: c.contact.name ?? c.contact.profileName ?? null,
      phone: openContactPhone(keys.encryptionKeys, c.tenantId, c.contact.phone),
    },
    phoneNumberId: c.phoneNumberId,
    status: c.status,
    mode: c.mode,
    assignedTo: c.assignedTo,
    lastMessageAt: c.lastMessageAt?.toISOString() ?? null,
    lastInboundAt: c.lastInboundAt?.toISOString() ?? null,
    unread: c.unread,
    aiReplyCount: c.aiReplyCount,
    handoffReason: c.handoffReason,
    optedOut: c.contact.optedOut,
    labels: c.labels,
  };
}

/** SPEC §3 shape of a message in the inbox. */
export function toInboxMessageView(m: Message): TInboxMessage {
  return {
    id: m.id,
    direction: m.direction,
    type: m.type,
    content: m.content,
    status: m.status,
    waMessageId: m.waMessageId,
    sender: m.sender,
    createdAt: m.createdAt.toISOString(),
    error: m.error,
  };
}

/** SPEC §3 shape of a private note. */
export function toNoteView(n: Note): TNote {
  return { id: n.id, conversationId: n.conversationId, authorId: n.authorId, authorName: n.authorName, body: n.body, createdAt: n.createdAt.toISOString() };
}
