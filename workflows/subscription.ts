import {
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  defineUpdate,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { TCancelSubscription, TChangePlan, TCreateSubscription, TCreateSubscriptionResponse } from '../domain/billing';
import { subscriptionMessages, trialSignals, workflowIds } from '../domain/contracts';
import type { RazorpayEventSignal, SubscriptionWorkflowInput, SubscriptionWorkflowState } from '../domain/subscription-events';
import type { TrialMandate } from '../domain/trial';
import type { BillingActivities } from '../activities/billing';
import { SubscriptionLedger } from './subscription-ledger';

// The ledger's writes retry without limit: an outage delays billing state, never loses it.
/** Runs from before it signalled nothing on `authenticated`/`cancelled`; they replay without the new signal. */
export const TRIAL_MANDATE_PATCH = 'trial-follows-authorised-subscription';

const acts = proxyActivities<BillingActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Commands a person is waiting on: a few quick tries, then a clear failure instead of a hanging request. */
const interactive = proxyActivities<BillingActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 milliseconds', maximumInterval: '4 seconds', maximumAttempts: 3 },
});

export const razorpayEventSignal = defineSignal<[RazorpayEventSignal]>(subscriptionMessages.razorpayEvent);
export const subscribeUpdate = defineUpdate<TCreateSubscriptionResponse, [TCreateSubscription]>(subscriptionMessages.subscribe);
export const cancelUpdate = defineUpdate<SubscriptionWorkflowState, [TCancelSubscription]>(subscriptionMessages.cancel);
export const changePlanUpdate = defineUpdate<SubscriptionWorkflowState, [TChangePlan]>(subscriptionMessages.changePlan);
export const subscriptionStateQuery = defineQuery<SubscriptionWorkflowState>(subscriptionMessages.state);

/**
 * The tenant's subscription actor: the single writer of its subscription rows, payments and invoices.
 * Razorpay's webhooks arrive as signals (deduplicated by event id, applied monotonically); commands
 * from the API arrive as validated updates. It lives as long as the tenant, continuing as new.
 */
export async function subscriptionWorkflow(input: SubscriptionWorkflowInput): Promise<void> {
  const ledger = new SubscriptionLedger(input.carried);
  const inbox: RazorpayEventSignal[] = [];

  setHandler(razorpayEventSignal, (event) => {
    if (!ledger.hasSeen(event.eventId)) inbox.push(event);
  });
  setHandler(subscriptionStateQuery, () => ledger.state);

  setHandler(
    subscribeUpdate,
    async ({ planId }) => {
      const created = await interactive.createRazorpaySubscription({ tenantId: input.tenantId, planId, subscriptionId: uuid4() });
      ledger.subscribed(created.subscriptionId, created.razorpaySubscriptionId, planId);
      return created;
    },
    { validator: (_request: TCreateSubscription) => ledger.assertCanSubscribe() },
  );

  setHandler(
    cancelUpdate,
    async ({ atCycleEnd }) => {
      await interactive.cancelRazorpaySubscription({ tenantId: input.tenantId, razorpaySubscriptionId: ledger.state.razorpaySubscriptionId!, atCycleEnd });
      ledger.cancelRequested(atCycleEnd);
      return ledger.state;
    },
    { validator: (_request: TCancelSubscription) => ledger.assertHasSubscription() },
  );

  setHandler(
    changePlanUpdate,
    async ({ planId }) => {
      await interactive.changeRazorpayPlan({ tenantId: input.tenantId, razorpaySubscriptionId: ledger.state.razorpaySubscriptionId!, planId });
      ledger.planChanged(planId);
      return ledger.state;
    },
    { validator: ({ planId }) => ledger.assertCanChangePlan(planId) },
  );

  for (;;) {
    const graceLeft = ledger.graceRemaining(Date.now());
    const wake = () => inbox.length > 0 || workflowInfo().continueAsNewSuggested;
    if (graceLeft === null) await condition(wake);
    else await condition(wake, Math.max(1, graceLeft));
    while (inbox.length) await apply(inbox.shift()!);
    if (ledger.graceExpired(Date.now())) {
      ledger.suspend();
      await acts.applySubscriptionStatus({ tenantId: input.tenantId, ...ledger.statusRecord() });
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      if (inbox.length) continue;
      return continueAsNew<typeof subscriptionWorkflow>({ ...input, carried: ledger.state });
    }
  }

  async function apply(event: RazorpayEventSignal): Promise<void> {
    if (ledger.hasSeen(event.eventId)) return;
    if (event.payment)
      await acts.recordPayment({
        tenantId: input.tenantId,
        razorpaySubscriptionId: event.subscription?.id ?? ledger.state.razorpaySubscriptionId,
        payment: event.payment,
        charged: event.event === 'subscription.charged',
        periodStart: event.subscription?.currentStart ?? null,
        periodEnd: event.subscription?.currentEnd ?? null,
      });
    const change = ledger.applyEvent(event, Date.now(), input.graceMs);
    ledger.markSeen(event.eventId);
    if (!change) return;
    await acts.applySubscriptionStatus({
      tenantId: input.tenantId,
      ...ledger.statusRecord(),
      currentStart: event.subscription?.currentStart ?? null,
      currentEnd: event.subscription?.currentEnd ?? null,
      paidCount: event.subscription?.paidCount ?? null,
    });
    if (change.becameActive && !ledger.state.trialConverted) {
      await convertTrial(input.tenantId);
      ledger.state.trialConverted = true;
    } else if (change.access && !ledger.state.trialConverted && patched(TRIAL_MANDATE_PATCH)) {
      // Authorised but charged only at the trial's end (`start_at`): the trial runs on and, at its
      // end, converts instead of expiring; a cancel before the first charge gives the trial back.
      await tellTrial(input.tenantId, trialSignals.subscriptionMandate, { held: change.access === 'gained' });
    }
  }
}

async function tellTrial(tenantId: string, signal: string, mandate: TrialMandate): Promise<void> {
  try {
    await getExternalWorkflowHandle(workflowIds.trial(tenantId)).signal(signal, mandate);
  } catch {
    // The trial workflow has already finished: there is nothing left to keep or give back.
  }
}

/** Ends the free trial: a paying tenant needs no reminders or expiry. The trial may already be over. */
async function convertTrial(tenantId: string): Promise<void> {
  try {
    await getExternalWorkflowHandle(workflowIds.trial(tenantId)).signal(trialSignals.converted);
  } catch {
    // The trial workflow has already finished (expired): nothing left to convert.
  }
}
