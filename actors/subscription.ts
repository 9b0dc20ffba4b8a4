import { WithStartWorkflowOperation } from '@temporalio/client';
import type { TCancelSubscription, TChangePlan, TCreateSubscription, TCreateSubscriptionResponse } from '../domain/billing';
import { subscriptionMessages, taskQueue, workflowIds } from '../domain/contracts';
import { AppError } from '../domain/errors';
import type { RazorpayEventSignal, SubscriptionWorkflowInput, SubscriptionWorkflowState } from '../domain/subscription-events';
import type { subscriptionWorkflow } from '../workflows/subscription';
import type { ActorDeps } from './actor-deps';
import { withFailuresMapped } from './failures';
import { tenantSearchAttributes } from './search-attributes';

/** A Razorpay call the workflow made failed in a way that is not the customer's mistake. */
const providerRefused = () => new AppError('billing_provider_error', 'The payment provider did not accept the request; try again in a moment');

/** How the tenant's subscription actor is started when a command or a webhook finds it not running. */
function subscriptionStart({ config }: Pick<ActorDeps, 'config'>, tenantId: string) {
  const input: SubscriptionWorkflowInput = { tenantId, graceMs: config.billing.graceMs };
  return {
    workflowId: workflowIds.subscription(tenantId),
    taskQueue: taskQueue('billing', config.temporal.taskQueuePrefix),
    args: [input] as [SubscriptionWorkflowInput],
    typedSearchAttributes: tenantSearchAttributes(tenantId, 'subscription'),
  };
}

/**
 * The subscription actor: one per tenant, the single writer of its subscription, payments and
 * invoices. Commands are updates (validator rejections and Razorpay failures come back as clear
 * errors); Razorpay's webhooks are signals. Every call starts the actor if it is not running yet.
 */
export function subscriptionActor(deps: ActorDeps) {
  const { temporal } = deps;
  const update = <Ret, Arg>(tenantId: string, updateName: string, arg: Arg): Promise<Ret> => {
    const startWorkflowOperation = new WithStartWorkflowOperation<typeof subscriptionWorkflow>('subscriptionWorkflow', {
      ...subscriptionStart(deps, tenantId),
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    return withFailuresMapped(
      () => temporal.workflow.executeUpdateWithStart<typeof subscriptionWorkflow, Ret, [Arg]>(updateName, { args: [arg], startWorkflowOperation }),
      providerRefused(),
    );
  };

  return {
    subscribe: (tenantId: string, request: TCreateSubscription) => update<TCreateSubscriptionResponse, TCreateSubscription>(tenantId, subscriptionMessages.subscribe, request),
    cancel: (tenantId: string, request: TCancelSubscription) => update<SubscriptionWorkflowState, TCancelSubscription>(tenantId, subscriptionMessages.cancel, request),
    changePlan: (tenantId: string, request: TChangePlan) => update<SubscriptionWorkflowState, TChangePlan>(tenantId, subscriptionMessages.changePlan, request),

    /** Hands a verified Razorpay event durably to the tenant's actor, which deduplicates and orders them. */
    async signalRazorpayEvent(tenantId: string, event: RazorpayEventSignal): Promise<void> {
      await temporal.workflow.signalWithStart<typeof subscriptionWorkflow, [RazorpayEventSignal]>('subscriptionWorkflow', {
        ...subscriptionStart(deps, tenantId),
        signal: subscriptionMessages.razorpayEvent,
        signalArgs: [event],
      });
    },
  };
}
