import { z } from 'zod';

/** An opaque keyset position (`api/http/cursor.ts`), empty for the first page; the pattern is published so clients never forge one by accident. */
export const CURSOR_PATTERN = '^(\\d{1,16}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$';

export const ZListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  // Checked by decodeCursor, which answers `invalid_cursor` rather than a generic validation error.
  cursor: z.string().max(512).meta({ pattern: CURSOR_PATTERN }).optional(),
});
export type TListQuery = z.infer<typeof ZListQuerySchema>;

export function ZPageSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}
