import type { ApiDeps } from '../deps';
import { findConversationListing } from '../../db/inbox/conversations';
import { withTenant } from '../../db/tenant-transaction';
import { activeUserExists } from '../../db/users/users';
import { AppError } from '../../domain/errors';
import type { ConversationCommand, TConversation } from '../../domain/inbox';
import type { AuthPrincipal } from '../auth/principal';
import { conversationActor } from '../../actors/conversation';
import { toConversationView } from './conversation-view';
import { loadConversationSeed } from './load-seed';

/** Finds the conversation (RLS: another tenant's id is 404), has its actor apply the command, re-reads it. */
export async function runConversationCommand(deps: ApiDeps, auth: AuthPrincipal, conversationId: string, command: ConversationCommand): Promise<TConversation> {
  const read = async () => {
    const found = await withTenant(deps.db.app, auth.tenantId, (trx) => findConversationListing(trx, conversationId));
    if (!found) throw new AppError('not_found', 'No such conversation');
    return toConversationView(deps.config, found);
  };
  const conversation = await read();
  if (command.type === 'assign' && command.userId) {
    const userId = command.userId;
    if (!(await withTenant(deps.db.app, auth.tenantId, (trx) => activeUserExists(trx, userId)))) throw new AppError('not_found', 'No such active teammate');
  }
  const seed = await loadConversationSeed(deps.db, deps.config, auth.tenantId, conversation.phoneNumberId, conversation.contact.phone);
  await conversationActor(deps).command({ tenantId: auth.tenantId, phoneNumberId: conversation.phoneNumberId, phone: conversation.contact.phone, seed }, command);
  return read();
}
