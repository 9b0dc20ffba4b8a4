import { proxyActivities } from '@temporalio/workflow';
import type { ConnectOutcome, ConnectWhatsappInput } from '../domain/whatsapp-connect';
import type { WhatsappActivities } from '../activities/whatsapp';

/**
 * One attempt only: the OAuth code is single-use, so a retry of the whole onboarding would fail on
 * the exchange; transient Graph errors are retried call by call inside the activity instead.
 */
const acts = proxyActivities<WhatsappActivities>({
  startToCloseTimeout: '60 seconds',
  retry: { maximumAttempts: 1 },
});

/**
 * Connects a number (Embedded Signup or a Cloud API token). Its id carries the nonce of the signed
 * state and is never reusable, which is what makes a replayed callback fail.
 */
export async function connectWhatsappNumberWorkflow(input: ConnectWhatsappInput): Promise<ConnectOutcome> {
  return acts.connectWhatsappNumber(input);
}
