import type { Knex } from 'knex';
import type { Database } from '../../db/connection';
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
    const change = conversationChange(command);
    const columns = Object.fromEntries(
      Object.entries({
        status: change.status,
        mode: change.mode,
        ai_reply_count: change.aiReplyCount,
        handoff_reason: change.handoffReason,
        assigned_to: change.assignedTo,
        unread_count: change.unread,
      }).filter(([, value]) => value !== undefined),
    );
    if (Object.keys(columns).length) await trx('conversations').where({ id: conversationId }).update({ ...columns, updated_at: new Date() });
    switch (command.type) {
      case 'markRead':
        return { readWaMessageId: await newestInboundWaId(trx, conversationId) };
      case 'addNote':
        await trx('conversation_notes')
          .insert({ id: command.noteId, tenant_id: tenantId, conversation_id: conversationId, author_id: command.authorId, body: command.body })
          .onConflict('id')
          .ignore();
        break;
      case 'addLabel':
        // A label deleted since the API checked it is simply not attached (a plain insert would fail forever).
        await trx.raw(
          `insert into conversation_labels (tenant_id, conversation_id, label_id)
           select ?, ?, id from labels where id = ? on conflict (conversation_id, label_id) do nothing`,
          [tenantId, conversationId, command.labelId],
        );
        break;
      case 'removeLabel':
        await trx('conversation_labels').where({ conversation_id: conversationId, label_id: command.labelId }).delete();
        break;
    }
    return { readWaMessageId: null };
  });
}

async function newestInboundWaId(trx: Knex, conversationId: string): Promise<string | null> {
  const row = await trx('messages').where({ conversation_id: conversationId, direction: 'inbound' }).whereNotNull('wa_message_id').orderBy('created_at', 'desc').first('wa_message_id');
  return row?.wa_message_id ?? null;
}
