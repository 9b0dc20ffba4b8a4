/**
 * The bench's workspace, set up as a customer would: registered through the API, one connected number,
 * the AI agent on with one knowledge document, and the admin's socket.io connection to the inbox.
 */
import request from 'supertest';
import { bearer, registerTenant } from '../../test/support/factories';
import type { TestApp } from '../../test/support/harness';
import { openSocket, ready, type TestSocket } from '../../test/realtime/socket-client';
import { connectTestNumber } from '../../test/support/whatsapp-factories';
import type { InboxApp } from './inbox-app';

/** The knowledge document and the question the Gemini simulator answers from it, confidently (rule 5, every keyword covered). */
export const KNOWLEDGE = 'We are open 9am to 6pm, Monday to Saturday.';
export const QUESTION = 'When are you open on Saturday?';
/** No persona: the app's prompt asks for short replies, so the simulator quotes the sentence alone. */
export const EXPECTED_REPLY = KNOWLEDGE;

export interface InboxTenant {
  tenantId: string;
  accessToken: string;
  phoneNumberId: string;
}

export async function setUpTenant(app: InboxApp): Promise<InboxTenant> {
  const tenant = await registerTenant(app.apiUrl);
  const tenantId = tenant.tenant.id;
  // connectTestNumber needs only these three of a TestApp.
  const account = await connectTestNumber({ meta: app.meta, config: app.config, db: app.db } as TestApp, tenantId);
  const auth = bearer(tenant.accessToken);
  await request(app.apiUrl).put('/ai/settings').set(auth).send({ enabled: true }).expect(200);
  await request(app.apiUrl).post('/ai/knowledge').set(auth).send({ title: 'Opening hours', format: 'text', content: KNOWLEDGE }).expect(201);
  return { tenantId, accessToken: tenant.accessToken, phoneNumberId: account.phoneNumberId };
}

/** The tenant admin's socket.io client, as the web app opens it (JWT in the handshake), in its tenant room. */
export async function openInboxSocket(apiUrl: string, accessToken: string): Promise<TestSocket> {
  const client = openSocket(apiUrl, { token: accessToken });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the socket.io handshake did not finish within 15 s')), 15_000).unref());
  await Promise.race([ready(client), timeout]);
  return client;
}
