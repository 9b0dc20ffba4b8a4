import { ZTemplatePickerResponseSchema, type TPickerTemplate } from '@domain/whatsapp-templates';
import { apiClient } from './client';

/** The approved templates of a number (read live from Meta by the API), for the composer's picker. */
export async function listTemplates(phoneNumberId: string): Promise<TPickerTemplate[]> {
  return (await apiClient.get('/whatsapp/templates', ZTemplatePickerResponseSchema, { phoneNumberId })).data;
}
