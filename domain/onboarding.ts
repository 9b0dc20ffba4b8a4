import { z } from 'zod';

/** The "Get started" steps, in the order the dashboard lists them; each is ticked from stored state. */
export const onboardingSteps = ['whatsapp_connected', 'teammate_invited', 'ai_enabled', 'first_reply_sent', 'plan_chosen'] as const;
export type TOnboardingStep = (typeof onboardingSteps)[number];

export const ZOnboardingChecklistSchema = z.object({
  steps: z.array(z.object({ id: z.enum(onboardingSteps), done: z.boolean() })),
  completed: z.number().int().nonnegative(),
  total: z.number().int().positive(),
});
export type TOnboardingChecklist = z.infer<typeof ZOnboardingChecklistSchema>;

/** Subscription statuses that mean a plan was chosen and paid for (or is being retried). */
export const chosenPlanStatuses = ['authenticated', 'active', 'pending', 'grace'] as const;

export function toChecklist(done: Record<TOnboardingStep, boolean>): TOnboardingChecklist {
  const steps = onboardingSteps.map((id) => ({ id, done: done[id] }));
  return { steps, completed: steps.filter((s) => s.done).length, total: steps.length };
}

/** The workspace as Settings shows it: its id is what Temporal UI's `AerosticTenantId` search takes. */
export const ZWorkspaceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  /** Temporal UI listing this workspace's workflows; admins only (null for agents). */
  temporalUiUrl: z.string().nullable(),
});
export type TWorkspace = z.infer<typeof ZWorkspaceSchema>;

/** The Temporal UI workflow list filtered to one tenant (the search attribute every workflow carries). */
export function temporalUiWorkflowsUrl(uiUrl: string, namespace: string, tenantId: string): string {
  const query = `AerosticTenantId="${tenantId}"`;
  return `${uiUrl.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows?query=${encodeURIComponent(query)}`;
}
