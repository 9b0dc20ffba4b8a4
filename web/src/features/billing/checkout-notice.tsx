import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import type { TSubscriptionResponse } from '@domain/billing';
import { formatDate } from '../../lib/format';
import type { ConfirmationState } from './use-checkout-confirmation';

interface Props {
  state: ConfirmationState;
  subscription: TSubscriptionResponse | null;
  onRetry(): void;
  onDismiss(): void;
}

/** What happened after the hosted checkout sent the customer back. */
export function CheckoutNotice({ state, subscription, onRetry, onDismiss }: Props) {
  const planName = subscription?.plan?.name;
  if (state === 'confirming') {
    return (
      <Alert tone="info" testId="checkout-confirming">
        <span className="spinner spinner--inline" aria-hidden="true" /> Confirming your payment… This takes a few seconds.
      </Alert>
    );
  }
  if (state === 'confirmed' && subscription?.status === 'authenticated' && subscription.firstChargeAt) {
    return (
      <Alert tone="success" title="Card authorised" testId="checkout-success">
        Your {planName ?? ''} plan starts on {formatDate(subscription.firstChargeAt)}; nothing was charged today and your free trial continues until then.{' '}
        <Button variant="ghost" size="sm" onClick={onDismiss}>
          Dismiss
        </Button>
      </Alert>
    );
  }
  if (state === 'confirmed') {
    return (
      <Alert tone="success" title="Payment received" testId="checkout-success">
        Your {planName ?? ''} plan is active and everything in your workspace is unlocked.{' '}
        <Button variant="ghost" size="sm" onClick={onDismiss}>
          Dismiss
        </Button>
      </Alert>
    );
  }
  if (state === 'timeout') {
    return (
      <Alert tone="warning" title="We have not heard from Razorpay yet" testId="checkout-timeout">
        If you completed the payment, it usually shows up here within a minute. If you closed the payment page, choose a plan again.{' '}
        <Button variant="ghost" size="sm" onClick={onRetry}>
          Check again
        </Button>
      </Alert>
    );
  }
  return null;
}
