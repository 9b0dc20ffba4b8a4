/**
 * The subscription workflow tells the workspace's open pages when it applies a status
 * (`subscription.updated`, ids and statuses only), and never another workspace's pages.
 */
import { openSocket, ready, type TestSocket } from '../realtime/socket-client';
import { eventually } from '../support/eventually';
import { registerTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { payAndStart, subscribe, waitForStatus } from './helpers';

let app: TestApp;
const sockets: TestSocket[] = [];
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await app?.stop();
});

const statuses = (client: TestSocket) => client.received.filter((r) => r.event === 'subscription.updated').map((r) => r.data.status);

test('paying publishes subscription.updated with the applied status to that workspace only', async () => {
  const [payer, bystander] = await Promise.all([registerTenant(app.url), registerTenant(app.url)]);
  const mine = openSocket(app.url, { token: payer.accessToken });
  const theirs = openSocket(app.url, { token: bystander.accessToken });
  sockets.push(mine, theirs);
  await Promise.all([ready(mine), ready(theirs)]);

  const checkout = await subscribe(app, payer, 'growth');
  await payAndStart(app, checkout);
  await waitForStatus(app, payer, 'active');
  await eventually(async () => expect(statuses(mine)).toContain('active'));
  const event = mine.received.find((r) => r.event === 'subscription.updated');
  expect(Object.keys(event!.data).sort()).toEqual(['seq', 'status']);

  // The bystander's socket saw the payer's events pass by, not them: its own workspace emits none.
  expect(statuses(theirs)).toEqual([]);
});
