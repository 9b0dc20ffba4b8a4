import { condition, defineQuery, defineSignal, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import { trialQueries, trialSignals } from '../domain/contracts';
import { reminderDaysLeft, type TrialMandate, type TrialState, type TrialWorkflowInput } from '../domain/trial';
import type { TrialActivities } from '../activities/trial';

const { sendTrialReminder, expireTrial, markTrialConverted } = proxyActivities<TrialActivities>({
  startToCloseTimeout: '30 seconds',
  // Without a limit: a trial must end even if the database is down for a while when it does.
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes' },
});

/** Runs recorded before the mandate signal existed never saw one; the new branches only follow it. */
export const TRIAL_MANDATE_PATCH = 'trial-kept-until-first-charge';

export const convertedSignal = defineSignal<[]>(trialSignals.converted);
export const subscriptionMandateSignal = defineSignal<[TrialMandate]>(trialSignals.subscriptionMandate);
export const trialStateQuery = defineQuery<TrialState>(trialQueries.state);

/**
 * One tenant's free trial: reminders before the end, expiry at the end, unless a subscription
 * converts it first. A subscription authorised during the trial (charged from its end) keeps it
 * running without reminders and converts it at the end instead of expiring it. Durations come in
 * the input so tests can run a trial in seconds.
 */
export async function trialWorkflow(input: TrialWorkflowInput): Promise<TrialState> {
  const state: TrialState = { phase: 'running', trialEndsAt: input.trialEndsAt, remindersSent: [] };
  let converted = false;
  let mandate = false;
  setHandler(convertedSignal, () => {
    converted = true;
  });
  setHandler(subscriptionMandateSignal, ({ held }) => {
    mandate = held;
  });
  setHandler(trialStateQuery, () => state);
  const mandateHeld = () => mandate && patched(TRIAL_MANDATE_PATCH);

  const endsAt = new Date(input.trialEndsAt).getTime();
  const reminders = [...input.reminderOffsetsMs].sort((a, b) => b - a);
  for (const offset of reminders) {
    const remindAt = endsAt - offset;
    if (remindAt <= Date.now()) continue;
    if (await condition(() => converted, remindAt - Date.now())) break;
    // "Choose a plan" would be wrong: one is chosen and starts when the trial ends.
    if (mandateHeld()) continue;
    const daysLeft = reminderDaysLeft(offset);
    await sendTrialReminder({ tenantId: input.tenantId, daysLeft, reminderKey: String(offset) });
    state.remindersSent.push(daysLeft);
  }

  if (!converted && endsAt > Date.now()) await condition(() => converted, endsAt - Date.now());
  if (converted || mandateHeld()) {
    await markTrialConverted({ tenantId: input.tenantId });
    state.phase = 'converted';
  } else {
    await expireTrial({ tenantId: input.tenantId });
    state.phase = 'expired';
  }
  return state;
}
