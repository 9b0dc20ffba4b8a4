import type { Database } from '../../db/connection';
import { withTenant } from '../../db/tenant-transaction';
import type { ConversationCommand } from '../../domain/inbox';

/** The conversation row's inbox fields, changed only by its actor. */
export async function applyConversationCommand(db: Database, input: { tenantId: string; conversationId: string; command: ConversationCommand }): Promise<void> {
  const { command } = input;
  const patch: Record<string, unknown> = (() => {
    switch (command.type) {
      case 'takeover':
        return { mode: 'agent', assigned_to: command.userId, status: 'open' };
      case 'release':
        return { mode: 'ai' };
      case 'assign':
        return { assigned_to: command.userId };
      case 'resolve':
        return { status: 'resolved', unread_count: 0 };
      case 'reopen':
        return { status: 'open' };
      case 'markRead':
        return { unread_count: 0 };
    }
  })();
  await withTenant(db.app, input.tenantId, (trx) => trx('conversations').where({ id: input.conversationId }).update({ ...patch, updated_at: new Date() }));
}
