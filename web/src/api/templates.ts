import { z } from 'zod';
import { apiClient } from './client';

/**
 * A message template as the composer needs it. Read leniently: `components` are Meta's own
 * (`[{type:'BODY', text:'Hi {{1}}'}…]`) and `variables` may be a count or the placeholders' names.
 */
const ZTemplateSchema = z.object({
  name: z.string(),
  language: z.string(),
  category: z.string(),
  status: z.string(),
  components: z.array(z.looseObject({ type: z.string(), text: z.string().optional(), format: z.string().optional() })).default([]),
  variables: z.union([z.number().int(), z.array(z.string())]).optional(),
});
export type TemplateSummary = z.infer<typeof ZTemplateSchema>;

const ZTemplatesSchema = z.object({ data: z.array(ZTemplateSchema) });

export async function listTemplates(phoneNumberId: string): Promise<TemplateSummary[]> {
  return (await apiClient.get('/whatsapp/templates', ZTemplatesSchema, { phoneNumberId })).data;
}
