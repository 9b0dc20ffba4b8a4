import Razorpay from 'razorpay';
import type { AppConfig } from '../../config';

/**
 * The official SDK, pointed at `RAZORPAY_BASE_URL` when set (the sandbox simulator, or any server
 * speaking Razorpay's API). The SDK has no base-URL option; its axios instance is re-based instead.
 */
export function createRazorpayClient(razorpay: AppConfig['razorpay']): Razorpay {
  const client = new Razorpay({ key_id: razorpay.keyId, key_secret: razorpay.keySecret });
  if (razorpay.baseUrl) {
    (client as unknown as { api: { rq: { defaults: { baseURL: string } } } }).api.rq.defaults.baseURL = razorpay.baseUrl.replace(/\/+$/, '');
  }
  return client;
}
