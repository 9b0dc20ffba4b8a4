import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Razorpay from 'razorpay';
import { startRazorpaySimulator, type RazorpaySimulator } from './index';

/**
 * The SDK has no base-URL option (its constructor hard-codes https://api.razorpay.com); its axios instance,
 * `api.rq`, is repointed instead. This is what the app's Razorpay client does with RAZORPAY_BASE_URL.
 */
export function razorpayAt(baseUrl: string, keyId: string, keySecret: string): Razorpay {
  const instance = new Razorpay({ key_id: keyId, key_secret: keySecret });
  (instance.api as unknown as { rq: { defaults: { baseURL?: string } } }).rq.defaults.baseURL = baseUrl;
  return instance;
}

export interface ReceivedWebhook {
  event: string;
  eventId: string;
  signature: string;
  rawBody: string;
  body: {
    entity: string;
    account_id: string;
    event: string;
    contains: string[];
    payload: { subscription?: { entity: Record<string, unknown> }; payment?: { entity: Record<string, unknown> } };
    created_at: number;
  };
  contentType: string | undefined;
}

/** A stand-in for the app's /webhooks/razorpay: records what arrives and answers with `status()`. */
export async function startWebhookReceiver(status: () => number = () => 200) {
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(rawBody) as ReceivedWebhook['body'];
      received.push({
        event: body.event,
        eventId: String(req.headers['x-razorpay-event-id']),
        signature: String(req.headers['x-razorpay-signature']),
        rawBody,
        body,
        contentType: req.headers['content-type'],
      });
      res.statusCode = status();
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/razorpay`,
    received,
    events: () => received.map((w) => w.event),
    clear: () => received.splice(0),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const TEST_KEY_ID = 'rzp_test_simulator';
export const TEST_KEY_SECRET = 'simulator-key-secret';

export interface SimulatorWithReceiver {
  sim: RazorpaySimulator;
  rzp: Razorpay;
  receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
}

/**
 * Registers the jest hooks of a file that drives the simulator through the SDK and watches its webhooks:
 * one simulator and receiver per file, the receiver emptied before each test. Read the fields inside tests.
 */
export function simulatorWithReceiver(): SimulatorWithReceiver {
  const env = {} as SimulatorWithReceiver;
  beforeAll(async () => {
    env.receiver = await startWebhookReceiver();
    env.sim = await startRazorpaySimulator({ keyId: TEST_KEY_ID, keySecret: TEST_KEY_SECRET, webhookSecret: 'whsec', webhookUrl: env.receiver.url });
    env.rzp = razorpayAt(env.sim.url, TEST_KEY_ID, TEST_KEY_SECRET);
  });
  afterAll(async () => {
    await env.sim?.stop();
    await env.receiver?.stop();
  });
  beforeEach(() => env.receiver.clear());
  return env;
}
