import type { Knex } from 'knex';
import { chosenPlanStatuses, type TOnboardingStep } from '../../domain/onboarding';

/**
 * What the workspace has done so far, read inside `withTenant` (RLS scopes every table). Each step is
 * an existence check, so the dashboard's read stays cheap however large the workspace grows.
 */
export async function loadOnboardingState(trx: Knex): Promise<Record<TOnboardingStep, boolean>> {
  // One after another: a transaction is one connection, and pg refuses overlapping queries on it.
  const number = await trx('whatsapp_accounts').where({ status: 'connected' }).first('id');
  // The first admin is the only member a new workspace has; anyone else was invited.
  const teammate = await trx('users').whereNot({ status: 'deactivated' }).whereNotNull('invited_by').first('id');
  const ai = await trx('ai_settings').where({ enabled: true }).first('tenant_id');
  const reply = await trx('messages').where({ direction: 'outbound' }).whereIn('sender', ['agent', 'ai']).first('id');
  const plan = await trx('subscriptions')
    .whereIn('status', [...chosenPlanStatuses])
    .first('id');
  return {
    whatsapp_connected: number !== undefined,
    teammate_invited: teammate !== undefined,
    ai_enabled: ai !== undefined,
    first_reply_sent: reply !== undefined,
    plan_chosen: plan !== undefined,
  };
}
