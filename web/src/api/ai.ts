import { z } from 'zod';
import {
  ZAiSettingsSchema,
  ZKnowledgeDocumentSchema,
  ZAiTestResultSchema,
  type TAiTestResult,
  type TAiSettings,
  type TAiSettingsUpdate,
  type TKnowledgeDocument,
  type TKnowledgeDocumentCreate,
} from '@domain/ai';
import { apiClient } from './client';

const ZDocumentsSchema = z.object({ data: z.array(ZKnowledgeDocumentSchema) });

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

/** What the AI agent would answer and whether it would send it (nothing is sent). */
export function testAiQuestion(question: string): Promise<TAiTestResult> {
  return apiClient.post('/ai/test-question', { question }, ZAiTestResultSchema);
}
