import { z } from 'zod';

/** What a phone shows for a message the business sent (the Meta simulator's `preview`). */
const ZPreview = z.object({
  text: z.string().optional(),
  header: z.string().optional(),
  footer: z.string().optional(),
  buttons: z.array(z.object({ id: z.string().optional(), title: z.string(), payload: z.string().optional(), url: z.string().optional() })).optional(),
  list: z
    .object({
      button: z.string(),
      sections: z.array(z.object({ title: z.string().optional(), rows: z.array(z.object({ id: z.string(), title: z.string(), description: z.string().optional() })) })),
    })
    .optional(),
  media: z.object({ type: z.string(), id: z.string().optional(), link: z.string().optional(), caption: z.string().optional(), filename: z.string().optional() }).optional(),
  template: z.object({ name: z.string(), language: z.string() }).optional(),
  reaction: z.object({ messageId: z.string(), emoji: z.string() }).optional(),
  location: z.object({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional() }).optional(),
});
export type MessagePreview = z.infer<typeof ZPreview>;
export type PreviewButton = NonNullable<MessagePreview['buttons']>[number];
export type PreviewListRow = NonNullable<MessagePreview['list']>['sections'][number]['rows'][number];

const ZSentMessage = z.object({
  wamid: z.string(),
  phoneNumberId: z.string(),
  type: z.string(),
  at: z.number(),
  failureCode: z.number().optional(),
  failureDetails: z.string().optional(),
  preview: ZPreview,
});
export type BusinessMessage = z.infer<typeof ZSentMessage>;

export type CustomerMessageInput =
  | { type: 'text'; body: string }
  | { type: 'image'; mimeType: string; dataBase64: string; filename?: string; caption?: string }
  | { type: 'button_reply'; buttonId: string; title: string; replyTo?: string }
  | { type: 'list_reply'; rowId: string; title: string; description?: string; replyTo?: string }
  | { type: 'button'; payload: string; text: string; replyTo?: string };

export interface InboundResult {
  wamid: string;
  /** The app's answer to the signed webhook: undefined when it never answered. */
  delivery: { status?: number; error?: string; skipped?: string };
}

/** Where the Meta simulator is and the control token its /_sim routes need (from GET /sandbox/info). */
export interface SimulatorAccess {
  url: string;
  token: string;
}

const CONTROL_TOKEN_HEADER = 'x-sandbox-control-token';

async function call(url: string, init?: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new Error(`Cannot reach the Meta simulator at ${new URL(url).origin}.`);
  }
  const body = (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
  if (!res.ok) throw new Error(body?.error?.message ?? `The Meta simulator answered HTTP ${res.status}.`);
  return body;
}

/** The customer writes to the business: the simulator posts a signed webhook to the app. */
export async function sendAsCustomer(sim: SimulatorAccess, input: { phoneNumberId: string; from: string; name?: string; message: CustomerMessageInput }): Promise<InboundResult> {
  const body = await call(`${sim.url}/_sim/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CONTROL_TOKEN_HEADER]: sim.token },
    body: JSON.stringify(input),
  });
  return body as InboundResult;
}

/** Everything the business sent this customer from this number, oldest first; unreadable entries are skipped. */
export async function fetchBusinessMessages(sim: SimulatorAccess, phoneNumberId: string, to: string): Promise<BusinessMessage[]> {
  const query = new URLSearchParams({ phoneNumberId, to });
  const body = (await call(`${sim.url}/_sim/sent?${query}`, { headers: { [CONTROL_TOKEN_HEADER]: sim.token } })) as { data?: unknown[] };
  return (body.data ?? []).flatMap((item) => {
    const parsed = ZSentMessage.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}
