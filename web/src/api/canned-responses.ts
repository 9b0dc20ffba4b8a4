import { z } from 'zod';
import { ZCannedResponseSchema, type TCannedResponse } from '@domain/inbox';
import { apiClient } from './client';

const ZCannedResponsesSchema = z.object({ data: z.array(ZCannedResponseSchema) });

export interface CannedResponseInput {
  shortcut: string;
  body: string;
}

export async function listCannedResponses(): Promise<TCannedResponse[]> {
  return (await apiClient.get('/canned-responses', ZCannedResponsesSchema)).data;
}

export function createCannedResponse(body: CannedResponseInput): Promise<TCannedResponse> {
  return apiClient.post('/canned-responses', body, ZCannedResponseSchema);
}

export function updateCannedResponse(id: string, body: CannedResponseInput): Promise<TCannedResponse> {
  return apiClient.put(`/canned-responses/${encodeURIComponent(id)}`, body, ZCannedResponseSchema);
}

export function deleteCannedResponse(id: string): Promise<void> {
  return apiClient.delete(`/canned-responses/${encodeURIComponent(id)}`);
}
