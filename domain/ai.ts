import { z } from 'zod';

export const aiActiveHours = ['always', 'within_business_hours', 'outside_business_hours'] as const;
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use 24-hour HH:MM');
// open < close is checked when the settings are saved (422): JSON Schema cannot compare two fields.
const ZDayHoursSchema = z.object({ open: hhmm, close: hhmm });

export const ZBusinessHoursSchema = z.object({
  timezone: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'Unknown IANA time zone')
    // The document lists the zones this runtime knows, so clients pick from them rather than guess.
    .meta({ enum: [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])] }),
  /** Days missing from the map are closed. */
  days: z.partialRecord(z.enum(weekdays), ZDayHoursSchema),
});
export type TBusinessHours = z.infer<typeof ZBusinessHoursSchema>;

/**
 * Days that close before they open. A rule across two fields, which JSON Schema cannot state, so the
 * API answers it with 422 when saving and the settings form shows it under the day before it saves.
 */
export function backwardBusinessDays(hours: TBusinessHours | null | undefined): { path: string; message: string }[] {
  return Object.entries(hours?.days ?? {})
    .filter(([, day]) => day && day.open >= day.close)
    .map(([day]) => ({ path: `businessHours.days.${day}.close`, message: 'open must be before close' }));
}

export const ZAiSettingsSchema = z.object({
  enabled: z.boolean(),
  persona: z.string().max(4000),
  confidenceThreshold: z.number().min(0).max(1),
  maxRepliesPerConversation: z.number().int().min(0).max(100),
  blockedIntents: z.array(z.string().max(40).trim().toLowerCase().min(1)).max(30),
  /** When the AI may answer: always, or only within / outside the business hours. */
  activeHours: z.enum(aiActiveHours),
  businessHours: ZBusinessHoursSchema.nullable(),
  /** Sent to the customer after a hand-off (null: nothing); blank or over 500 characters is refused with 422 (domain/handoff-message.ts). */
  handoffMessage: z.string().max(4000).nullable(),
  /** Sent instead when business hours are set and the team is outside them. */
  outOfHoursMessage: z.string().max(4000).nullable(),
});
export type TAiSettings = z.infer<typeof ZAiSettingsSchema>;

export const ZAiSettingsUpdateSchema = ZAiSettingsSchema.partial()
  .refine((s) => s.activeHours === undefined || s.activeHours === 'always' || s.businessHours !== null, {
    message: 'Business hours are needed when the AI follows them',
    path: ['businessHours'],
  })
  .meta({ anyOf: [{ not: { required: ['activeHours'] } }, { properties: { activeHours: { const: 'always' } } }, { properties: { businessHours: { type: 'object' } } }] });
export type TAiSettingsUpdate = z.infer<typeof ZAiSettingsUpdateSchema>;

export const defaultAiSettings: TAiSettings = {
  enabled: false,
  persona: '',
  confidenceThreshold: 0.7,
  maxRepliesPerConversation: 5,
  blockedIntents: ['refund', 'legal', 'complaint'],
  activeHours: 'always',
  businessHours: null,
  handoffMessage: null,
  outOfHoursMessage: null,
};

export const knowledgeFormats = ['text', 'markdown', 'pdf'] as const;

/** `content` is the text itself, or for `pdf` the file's bytes in base64 (its text is extracted). */
export const ZKnowledgeDocumentCreateSchema = z.object({
  title: z.string().max(200).trim().min(1),
  format: z.enum(knowledgeFormats),
  content: z.string().min(1).max(5_000_000),
});
export type TKnowledgeDocumentCreate = z.infer<typeof ZKnowledgeDocumentCreateSchema>;

export const ZKnowledgeDocumentSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  format: z.enum(knowledgeFormats),
  charCount: z.number().int(),
  chunkCount: z.number().int(),
  createdAt: z.string(),
});
export type TKnowledgeDocument = z.infer<typeof ZKnowledgeDocumentSchema>;

export const ZKnowledgeSearchQuerySchema = z.object({ q: z.string().max(500).trim().min(1), limit: z.coerce.number().int().min(1).max(10).default(3) });
export const ZKnowledgePassageSchema = z.object({ documentId: z.uuid(), title: z.string(), content: z.string(), rank: z.number() });
export type TKnowledgePassage = z.infer<typeof ZKnowledgePassageSchema>;

/** The model's structured answer (Gemini's responseSchema mirrors it). */
export const ZAiAnswerSchema = z.object({
  reply: z.string(),
  confidence: z.number().min(0).max(1),
  intent: z.string(),
  handoff: z.boolean(),
});
export type TAiAnswer = z.infer<typeof ZAiAnswerSchema>;

/** Parses the model's text part against the schema; null for anything else (the caller hands off). */
export function parseAiAnswer(text: string): TAiAnswer | null {
  try {
    const parsed = ZAiAnswerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** How much goes into a prompt: the best knowledge passages and the last text messages of the conversation. */
export const aiPromptLimits = { passages: 3, history: 6 } as const;

/** "Test a question" (Settings → Knowledge base): what a customer would ask. */
export const ZAiTestQuestionSchema = z.object({ question: z.string().max(500).trim().min(1) });
export type TAiTestQuestion = z.infer<typeof ZAiTestQuestionSchema>;

/**
 * What the AI agent would do with the question: the passages it was given, its answer (null when
 * Gemini blocked it or answered outside the schema), and the guardrails' verdict with its reason.
 */
export const ZAiTestResultSchema = z.object({
  question: z.string(),
  passages: z.array(ZKnowledgePassageSchema),
  answer: ZAiAnswerSchema.nullable(),
  decision: z.object({ action: z.enum(['reply', 'handoff']), reason: z.string().nullable() }),
  confidenceThreshold: z.number(),
  /** Whether customers would get this answer right now: the AI is on and on duty. */
  aiEnabled: z.boolean(),
  aiOnDuty: z.boolean(),
});
export type TAiTestResult = z.infer<typeof ZAiTestResultSchema>;
