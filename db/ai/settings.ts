import type { Knex } from 'knex';
import { backwardBusinessDays, defaultAiSettings, ZAiSettingsSchema, type TAiSettings, type TAiSettingsUpdate } from '../../domain/ai';
import { AppError } from '../../domain/errors';
import { handoffMessageProblems } from '../../domain/handoff-message';
import type { Insertable, Writable } from '../row-types';

/** An `ai_settings` row: one per tenant, absent until an admin first saves (the defaults apply). */
export interface AiSettingsRow {
  tenant_id: string;
  enabled: boolean;
  persona: string;
  /** numeric(3,2): pg returns it as a string. */
  confidence_threshold: string | number;
  max_replies_per_conversation: number;
  blocked_intents: string[];
  active_hours: TAiSettings['activeHours'];
  business_hours: TAiSettings['businessHours'];
  handoff_message: string | null;
  out_of_hours_message: string | null;
  updated_at: Date;
}

/** jsonb is written as its JSON text (knex would send a JS object as-is). */
type AiSettingsWrite = Omit<AiSettingsRow, 'business_hours'> & { business_hours: string | null };

declare module 'knex/types/tables' {
  interface Tables {
    ai_settings: Knex.CompositeTableType<AiSettingsRow, Insertable<AiSettingsWrite, 'tenant_id'>, Writable<AiSettingsWrite>>;
  }
}

function toSettings(row: AiSettingsRow): TAiSettings {
  return {
    enabled: row.enabled,
    persona: row.persona,
    // numeric(3,2) comes back from pg as a string.
    confidenceThreshold: Number(row.confidence_threshold),
    maxRepliesPerConversation: row.max_replies_per_conversation,
    blockedIntents: row.blocked_intents,
    activeHours: row.active_hours,
    businessHours: row.business_hours ?? null,
    handoffMessage: row.handoff_message,
    outOfHoursMessage: row.out_of_hours_message,
  };
}

/** The tenant's AI settings (RLS picks the row); the defaults when it never saved any. */
export async function loadAiSettings(trx: Knex): Promise<TAiSettings> {
  const row = await trx('ai_settings').first();
  return row ? toSettings(row) : { ...defaultAiSettings, blockedIntents: [...defaultAiSettings.blockedIntents] };
}

/**
 * Merges `update` into the current settings and stores the result. The merged settings are checked
 * as a whole: a partial update can be valid on its own yet leave the AI following business hours
 * that were never set.
 */
export async function saveAiSettings(trx: Knex, tenantId: string, update: TAiSettingsUpdate): Promise<TAiSettings> {
  // Serialises concurrent saves of one tenant, so neither merges into a stale read.
  await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`ai-settings:${tenantId}`]);
  const current = await loadAiSettings(trx);
  const defined = Object.fromEntries(Object.entries(update).filter(([, v]) => v !== undefined));
  const merged = ZAiSettingsSchema.parse({ ...current, ...defined });
  const backwards = backwardBusinessDays(merged.businessHours);
  if (backwards.length) throw new AppError('unprocessable', 'Each day must open before it closes', { details: backwards });
  const messages = handoffMessageProblems(merged);
  if (messages.length) throw new AppError('unprocessable', 'Hand-off messages must say something and stay short', { details: messages });
  if (merged.activeHours !== 'always' && merged.businessHours === null) {
    // The request is well formed; what is stored makes it impossible, so 422 rather than 400.
    throw new AppError('unprocessable', 'Set business hours before making the AI follow them', {
      details: [{ path: 'businessHours', message: `required when activeHours is ${merged.activeHours}` }],
    });
  }
  const row = {
    tenant_id: tenantId,
    enabled: merged.enabled,
    persona: merged.persona,
    confidence_threshold: merged.confidenceThreshold,
    max_replies_per_conversation: merged.maxRepliesPerConversation,
    blocked_intents: [...new Set(merged.blockedIntents)],
    active_hours: merged.activeHours,
    // jsonb: knex would send a JS object as-is; pg needs the JSON text.
    business_hours: merged.businessHours === null ? null : JSON.stringify(merged.businessHours),
    handoff_message: merged.handoffMessage,
    out_of_hours_message: merged.outOfHoursMessage,
    updated_at: trx.fn.now(),
  };
  const [saved] = await trx('ai_settings').insert(row).onConflict('tenant_id').merge().returning('*');
  return toSettings(saved);
}
