import type { ApiDeps } from '../deps';
import { withTenant } from '../../db/tenant-transaction';
import { AppError } from '../../domain/errors';
import type { ConversationCommand, TConversation } from '../../domain/inbox';
import type { AuthPrincipal } from '../auth/principal';
import { conversationActor } from '../../actors/conversation';
import { conversationRows, toConversation } from './conversation-view';
import { loadConversationSeed } from './load-seed';

/** Finds the conversation (RLS: another tenant's id is 404), has its actor apply the command, re-reads it. */
export async function runConversationCommand(deps: ApiDeps, auth: AuthPrincipal, conversationId: string, command: ConversationCommand): Promise<TConversation> {
  const read = () => withTenant(deps.db.app, auth.tenantId, (trx) => conversationRows(trx).where('c.id', conversationId).first());
  const row = await read();
  if (!row) throw new AppError('not_found', 'No such conversation');
  if (command.type === 'assign' && command.userId) {
    const user = await withTenant(deps.db.app, auth.tenantId, (trx) => trx('users').where({ id: command.userId, status: 'active' }).first('id'));
    if (!user) throw new AppError('not_found', 'No such active teammate');
  }
  const conversation = toConversation(deps.config, row);
  const seed = await loadConversationSeed(deps.db, deps.config, auth.tenantId, conversation.phoneNumberId, conversation.contact.phone);
  await conversationActor(deps).command({ tenantId: auth.tenantId, phoneNumberId: conversation.phoneNumberId, phone: conversation.contact.phone, seed }, command);
  return toConversation(deps.config, await read());
}
