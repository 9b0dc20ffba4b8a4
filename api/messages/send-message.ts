import { assertWithinLimit } from '../../db/billing/usage';
import { findMediaFile } from '../../db/media/media-files';
import { withTenant } from '../../db/tenant-transaction';
import { findSendingNumber } from '../../db/whatsapp/accounts';
import { AppError } from '../../domain/errors';
import type { TMessageContent, TSendMessage, TSendMessageResponse } from '../../domain/messages';
import type { AuthPrincipal } from '../auth/principal';
import { loadConversationSeed } from '../inbox/load-seed';
import type { ApiDeps } from '../deps';
import { conversationActor } from '../../actors/conversation';

/**
 * Picks the sending number (the one asked for, which must be the tenant's, or the default), checks the
 * plan's message limit, then asks the conversation actor — which checks window and opt-out — to queue it.
 */
export async function sendMessage(deps: ApiDeps, auth: AuthPrincipal, request: TSendMessage): Promise<TSendMessageResponse> {
  const phoneNumberId = await withTenant(deps.db.app, auth.tenantId, async (trx) => {
    const account = await findSendingNumber(trx, request.phoneNumberId);
    if (!account && request.phoneNumberId) throw new AppError('not_found', 'No such WhatsApp number in this workspace');
    if (!account) throw new AppError('no_whatsapp_number', 'Connect a WhatsApp number under Settings → WhatsApp first');
    const fileId = 'media' in request ? request.media.fileId : undefined;
    if (fileId && !(await findMediaFile(trx, fileId))) throw new AppError('not_found', 'No such uploaded file in this workspace');
    await assertWithinLimit(trx, 'messagesThisMonth');
    return account.phoneNumberId;
  });
  const { to, phoneNumberId: _chosen, ...content } = request;
  const seed = await loadConversationSeed(deps.db, deps.config, auth.tenantId, phoneNumberId, to);
  return conversationActor(deps).send(
    { tenantId: auth.tenantId, phoneNumberId, phone: to, seed },
    { content: content as TMessageContent, sender: 'agent', senderUserId: auth.userId },
  );
}
