import { z } from 'zod';
import {
  ZAiSettingsSchema,
  ZKnowledgeDocumentSchema,
  ZKnowledgePassageSchema,
  type TAiSettings,
  type TAiSettingsUpdate,
  type TKnowledgeDocument,
  type TKnowledgeDocumentCreate,
  type TKnowledgePassage,
} from '@domain/ai';
import { apiClient } from './client';

const ZDocumentsSchema = z.object({ data: z.array(ZKnowledgeDocumentSchema) });
const ZPassagesSchema = z.object({ data: z.array(ZKnowledgePassageSchema) });

export function fetchAiSettings(): Promise<TAiSettings> {
  return apiClient.get('/ai/settings', ZAiSettingsSchema);
}

export function saveAiSettings(body: TAiSettingsUpdate): Promise<TAiSettings> {
  return apiClient.put('/ai/settings', body, ZAiSettingsSchema);
}

export async function listKnowledgeDocuments(): Promise<TKnowledgeDocument[]> {
  return (await apiClient.get('/ai/knowledge', ZDocumentsSchema)).data;
}

export function addKnowledgeDocument(body: TKnowledgeDocumentCreate): Promise<TKnowledgeDocument> {
  return apiClient.post('/ai/knowledge', body, ZKnowledgeDocumentSchema);
}

export function deleteKnowledgeDocument(id: string): Promise<void> {
  return apiClient.delete(`/ai/knowledge/${encodeURIComponent(id)}`);
}

/** The passages the AI would be given for this question, best first. */
export async function searchKnowledge(q: string, limit = 3): Promise<TKnowledgePassage[]> {
  return (await apiClient.get('/ai/knowledge/search', ZPassagesSchema, { q, limit })).data;
}
