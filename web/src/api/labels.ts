import { z } from 'zod';
import { ZLabelSchema, type TLabel } from '@domain/inbox';
import { apiClient } from './client';

const ZLabelsSchema = z.object({ data: z.array(ZLabelSchema) });

export async function listLabels(): Promise<TLabel[]> {
  return (await apiClient.get('/labels', ZLabelsSchema)).data;
}

export function createLabel(body: { name: string; color?: string }): Promise<TLabel> {
  return apiClient.post('/labels', body, ZLabelSchema);
}

export function deleteLabel(id: string): Promise<void> {
  return apiClient.delete(`/labels/${encodeURIComponent(id)}`);
}
