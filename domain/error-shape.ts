import { z } from 'zod';

export const ZErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type TErrorResponse = z.infer<typeof ZErrorResponseSchema>;
