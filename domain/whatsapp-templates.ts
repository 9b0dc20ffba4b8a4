import { z } from 'zod';

/** `GET /whatsapp/templates`: which number's WABA to read; the default number when omitted. */
export const ZTemplatePickerQuerySchema = z.object({
  phoneNumberId: z
    .string()
    .regex(/^\d{1,30}$/, 'must be the numeric phone number id')
    .optional(),
});

/** An approved template as the inbox's picker shows it; `variables` is how many body values a send needs. */
export const ZPickerTemplateSchema = z.object({
  name: z.string(),
  language: z.string(),
  category: z.string(),
  status: z.string(),
  components: z.array(z.record(z.string(), z.unknown())),
  variables: z.number().int(),
});
export type TPickerTemplate = z.infer<typeof ZPickerTemplateSchema>;

export const ZTemplatePickerResponseSchema = z.object({ data: z.array(ZPickerTemplateSchema) });

/**
 * Distinct `{{1}}` / `{{name}}` placeholders in the template's BODY: the values `POST /messages/send`
 * takes as `template.variables` (header and button parameters are not sent from the inbox).
 */
export function bodyVariableCount(components: Record<string, unknown>[]): number {
  const body = components.find((c) => String(c.type).toUpperCase() === 'BODY');
  const text = typeof body?.text === 'string' ? body.text : '';
  return new Set([...text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1])).size;
}
