import { ZSendMessageResponseSchema, type TSendMessage, type TSendMessageResponse } from '@domain/messages';
import { apiClient } from './client';

/** SPEC §2.5: the one way to send; answers at once with the message queued. */
export function sendMessage(body: TSendMessage): Promise<TSendMessageResponse> {
  return apiClient.post('/messages/send', body, ZSendMessageResponseSchema);
}
