import { useState } from 'react';
import type { TSubscriptionResponse } from '@domain/billing';
import { cancelSubscription } from '../../api/billing';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { describeBillingError } from './billing-errors';
import { formatDate } from '../../lib/format';

interface Props {
  subscription: TSubscriptionResponse;
  onCancelled(sub: TSubscriptionResponse): void;
}

/** Cancelling takes a second, explicit click: at the end of the paid period (default) or at once. */
export function CancelSubscription({ subscription, onCancelled }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<'cycle' | 'now' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const periodEnd = formatDate(subscription.currentPeriodEnd);

  async function cancel(atCycleEnd: boolean) {
    setError(null);
    setBusy(atCycleEnd ? 'cycle' : 'now');
    try {
      onCancelled(await cancelSubscription(atCycleEnd));
      setOpen(false);
    } catch (err) {
      setError(describeBillingError(err));
    } finally {
      setBusy(null);
    }
  }

  if (!open) {
    return (
      <Button variant="secondary" className="billing-status__action" onClick={() => setOpen(true)} data-testid="cancel-subscription">
        {subscription.cancelAtCycleEnd ? 'Cancel immediately…' : 'Cancel subscription…'}
      </Button>
    );
  }

  return (
    <Dialog
      tone="danger"
      label="Cancel the subscription"
      testId="cancel-confirm"
      actions={
        <>
          {subscription.cancelAtCycleEnd ? null : (
            <Button busy={busy === 'cycle'} disabled={busy !== null} onClick={() => cancel(true)} data-testid="cancel-at-cycle-end">
              Cancel on {periodEnd}
            </Button>
          )}
          <Button variant="danger" busy={busy === 'now'} disabled={busy !== null} onClick={() => cancel(false)} data-testid="cancel-now">
            Cancel now
          </Button>
          <Button variant="ghost" disabled={busy !== null} onClick={() => setOpen(false)}>
            Keep subscription
          </Button>
        </>
      }
    >
      {error ? <Alert testId="cancel-alert">{error}</Alert> : null}
      <p>
        {subscription.cancelAtCycleEnd
          ? `The subscription already ends on ${periodEnd}. Cancelling now blocks the workspace at once, with no refund for the rest of the period.`
          : `Cancel at the end of the period and keep access until ${periodEnd}, or cancel now and lose access at once.`}
      </p>
    </Dialog>
  );
}
