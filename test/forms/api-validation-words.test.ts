import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { z } from 'zod';
import { ZIssueFactsSchema } from '../../domain/issue-facts';
import { plainIssue } from '../../domain/issue-words';
import { bearer, newRegistration, registerTenant, type RegisteredTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
let tenant: RegisteredTenant;
beforeAll(async () => {
  app = await startTestApp();
  tenant = await registerTenant(app.url);
});
afterAll(() => app?.stop());

const english = z.locales.en();
/** Zod's own English, and the jargon it is made of. */
const RAW = /Too (small|big)|Invalid (input|option|string|email|UUID|URL|ISO|key|element)|expected|received|Unrecognized key|[<>]=|must match pattern|NaN|undefined/i;

const someId = randomUUID();
const valid = newRegistration();

/** Bad input to every route the web app sends a body, query or id to, as a careless or hostile client sends it. */
const calls: Array<[string, 'get' | 'post' | 'put', string, object | undefined, boolean]> = [
  ['login', 'post', '/auth/login', { email: 'nope', password: '' }, false],
  ['register: details', 'post', '/auth/register/initiate', { name: ' ', email: 'x@', phone: '98123', workspace: 'a', password: 'short' }, false],
  ['register: missing fields', 'post', '/auth/register/initiate', {}, false],
  ['register: a NUL in the name', 'post', '/auth/register/initiate', { ...valid, name: 'Pri\u0000ya' }, false],
  ['register: code', 'post', '/auth/register', { ...valid, otp: '12' }, false],
  ['accept invite', 'post', '/auth/accept-invite', { token: 'short', password: 'abc' }, false],
  ['verify email', 'post', '/auth/email/verify', { token: '' }, false],
  ['forgot password', 'post', '/auth/password/forgot', { email: '' }, false],
  ['reset password', 'post', '/auth/password/reset', { token: 'x', password: 'lettersonly' }, false],
  ['AI settings', 'put', '/ai/settings', { confidenceThreshold: 1.5, maxRepliesPerConversation: -1, activeHours: 'sometimes', enabled: 'yes' }, true],
  [
    'AI settings: wrong types',
    'put',
    '/ai/settings',
    { confidenceThreshold: 'high', blockedIntents: 'refund', businessHours: { timezone: 'Mars/Olympus', days: { mon: { open: '9am' } } } },
    true,
  ],
  ['knowledge', 'post', '/ai/knowledge', { title: '', format: 'doc', content: '' }, true],
  ['test question', 'post', '/ai/test-question', { question: '' }, true],
  ['canned response', 'post', '/canned-responses', { shortcut: 'bad shortcut!', body: '' }, true],
  ['canned response: blank', 'post', '/canned-responses', { shortcut: ' ', body: 'x'.repeat(5000) }, true],
  ['canned response: not an id', 'put', '/canned-responses/not-an-id', { shortcut: 'hours', body: 'x' }, true],
  ['label', 'post', '/labels', { name: '', color: 'red' }, true],
  ['label: too long', 'post', '/labels', { name: 'x'.repeat(41) }, true],
  ['invite', 'post', '/users/invite', { email: 'x', name: '', role: 'boss' }, true],
  ['note', 'post', `/conversations/${someId}/notes`, { body: '' }, true],
  ['assign', 'post', `/conversations/${someId}/assign`, { userId: 'nope' }, true],
  ['conversation label', 'post', `/conversations/${someId}/labels`, { labelId: 'nope' }, true],
  ['send', 'post', '/messages/send', { to: '123', type: 'text', text: { body: '' } }, true],
  ['cloud number', 'post', '/whatsapp/cloud/init', { wabaId: 'abc', phoneNumberId: '', accessToken: '' }, true],
  ['subscribe', 'post', '/billing/create-subscription', { planId: '' }, true],
  ['change plan', 'post', '/billing/change-plan', { planId: 5 }, true],
  ['cancel', 'post', '/billing/cancel', { atCycleEnd: 'yes' }, true],
  ['conversation list', 'get', '/conversations?limit=0&status=closed&mine=maybe', undefined, true],
  ['templates', 'get', '/whatsapp/templates?phoneNumberId=abc', undefined, true],
];

describe("the API's validation answers, as the web app words them", () => {
  it.each(calls)('%s', async (_name, method, path, body, signedIn) => {
    let req = request(app.url)[method](path);
    if (signedIn) req = req.set(bearer(tenant.accessToken));
    const res = await (body ? req.send(body) : req).expect(400);
    const { code, message, details } = res.body.error;
    expect(code).toBe('validation_failed');
    expect(details.length).toBeGreaterThan(0);
    // The SPEC §3 message is unchanged: the first detail, as before.
    expect(message).toBe(`${details[0].path}: ${details[0].message}`);
    for (const detail of details as Array<{ path: string; message: string; issue: unknown }>) {
      const facts = ZIssueFactsSchema.parse(detail.issue);
      const words = plainIssue(detail.path, facts, detail.message);
      expect(words).not.toMatch(RAW);
      if (!facts.worded) expect(words).not.toBe(detail.message);
      const zodsOwn = english.localeError({ ...facts, path: [], input: undefined } as unknown as Parameters<typeof english.localeError>[0]);
      expect(words).not.toBe(typeof zodsOwn === 'string' ? zodsOwn : zodsOwn?.message);
    }
  });

  it('names the two problems people met in plain words', async () => {
    const label = await request(app.url).post('/labels').set(bearer(tenant.accessToken)).send({ name: '  ' }).expect(400);
    expect(label.body.error.details[0]).toMatchObject({ path: 'name', message: 'Too small: expected string to have >=1 characters' });
    expect(plainIssue('name', label.body.error.details[0].issue, label.body.error.details[0].message)).toBe('Enter a name');
    const ai = await request(app.url).put('/ai/settings').set(bearer(tenant.accessToken)).send({ confidenceThreshold: 1.5 }).expect(400);
    expect(ai.body.error.details[0]).toMatchObject({ path: 'confidenceThreshold', message: 'Too big: expected number to be <=1' });
    expect(plainIssue('confidenceThreshold', ai.body.error.details[0].issue, ai.body.error.details[0].message)).toBe('Must be 1 or less');
    expect((await app.db.system('labels').where({ tenant_id: tenant.tenant.id })).length).toBe(0);
  });
});
