import { z } from 'zod';
import { ZIssueFactsSchema } from './issue-facts';

export const ZErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string(), issue: ZIssueFactsSchema.optional() })).optional(),
  }),
});
export type TErrorResponse = z.infer<typeof ZErrorResponseSchema>;
