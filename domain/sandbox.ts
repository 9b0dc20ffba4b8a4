import { z } from 'zod';
import { ZPhoneSchema } from './auth';

export const ZOutboxQuerySchema = z.object({ to: ZPhoneSchema });

export const ZOutboxResponseSchema = z.object({
  data: z.array(z.object({ to: z.string(), body: z.string(), kind: z.string(), createdAt: z.string() })),
});
export type TOutboxResponse = z.infer<typeof ZOutboxResponseSchema>;
