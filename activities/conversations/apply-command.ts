import type { Database } from '../../db/connection';
import { updateConversation } from '../../db/inbox/conversations';
import { attachLabel, detachLabel } from '../../db/inbox/labels';
import { newestInboundWaId } from '../../db/inbox/messages';
import { insertNote } from '../../db/inbox/notes';
import { withTenant } from '../../db/tenant-transaction';
import { conversationChange } from '../../domain/conversation-transitions';
import type { ConversationCommand } from '../../domain/inbox';

/** What the actor needs back: the newest inbound message to mark read at Meta. */
export interface AppliedCommand {
  readWaMessageId: string | null;
}

/**
 * The conversation's inbox fields, notes and labels, changed only by its actor. Idempotent: a retried
 * activity sets the same values again, and a note is keyed by the id the API gave it.
 */
export async function applyConversationCommand(db: Database, input: { tenantId: string; conversationId: string; command: ConversationCommand }): Promise<AppliedCommand> {
  const { command, conversationId, tenantId } = input;
  return withTenant(db.app, tenantId, async (trx) => {
    await updateConversation(trx, conversationId, conversationChange(command));
    switch (command.type) {
      case 'markRead':
        return { readWaMessageId: await newestInboundWaId(trx, conversationId) };
      case 'addNote':
        await insertNote(trx, { id: command.noteId, tenantId, conversationId, authorId: command.authorId, body: command.body });
        break;
      case 'addLabel':
        await attachLabel(trx, { tenantId, conversationId, labelId: command.labelId });
        break;
      case 'removeLabel':
        await detachLabel(trx, conversationId, command.labelId);
        break;
    }
    return { readWaMessageId: null };
  });
}
