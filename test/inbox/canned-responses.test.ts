import request from 'supertest';
import type { TestApp } from '../support/harness';
import { bearer, type RegisteredTenant } from '../support/factories';
import { startTwoWorkspaces } from './team-member';

let app: TestApp;
let tenant: RegisteredTenant;
let other: RegisteredTenant;
let agentToken: string;
beforeAll(async () => ({ app, tenant, other, agentToken } = await startTwoWorkspaces()));
afterAll(() => app?.stop());

const list = (token = tenant.accessToken) => request(app.url).get('/canned-responses').set(bearer(token));
const create = (body: object, token = tenant.accessToken) => request(app.url).post('/canned-responses').set(bearer(token)).send(body);
const update = (id: string, body: object, token = tenant.accessToken) => request(app.url).put(`/canned-responses/${id}`).set(bearer(token)).send(body);
const remove = (id: string, token = tenant.accessToken) => request(app.url).delete(`/canned-responses/${id}`).set(bearer(token));
const stored = (id: string) => app.db.system('canned_responses').where({ id }).first();

describe('canned responses', () => {
  it('creates, lists by shortcut, updates and deletes', async () => {
    const thanks = await create({ shortcut: ' Thanks ', body: '  Thank you for shopping with us!  ' }).expect(201);
    expect(thanks.body).toEqual({ id: expect.any(String), shortcut: 'thanks', body: 'Thank you for shopping with us!', updatedAt: expect.any(String) });
    const hours = (await create({ shortcut: 'hours', body: 'We are open 9am to 6pm, Monday to Saturday.' }).expect(201)).body;
    const addr = (await create({ shortcut: 'addr_pune-2', body: 'Shop 4, FC Road, Pune' }).expect(201)).body;
    expect((await list().expect(200)).body.data.map((c: { shortcut: string }) => c.shortcut)).toEqual(['addr_pune-2', 'hours', 'thanks']);

    const changed = await update(hours.id, { shortcut: 'timings', body: 'Open 10am to 7pm every day.' }).expect(200);
    expect(changed.body).toEqual({ id: hours.id, shortcut: 'timings', body: 'Open 10am to 7pm every day.', updatedAt: expect.any(String) });
    expect(new Date(changed.body.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(hours.updatedAt).getTime());
    expect(await stored(hours.id)).toMatchObject({ shortcut: 'timings', body: 'Open 10am to 7pm every day.' });

    await remove(addr.id).expect(204);
    expect(await stored(addr.id)).toBeUndefined();
    expect((await list().expect(200)).body.data.map((c: { shortcut: string }) => c.shortcut)).toEqual(['thanks', 'timings']);
    expect((await remove(addr.id).expect(404)).body.error.code).toBe('not_found');
  });

  it('409 for a shortcut already in use, on create and on update, and nothing changes', async () => {
    const first = (await create({ shortcut: 'refund', body: 'Refunds take 5 working days.' }).expect(201)).body;
    const dup = await create({ shortcut: 'REFUND', body: 'Another text' }).expect(409);
    expect(dup.body.error).toEqual({
      code: 'conflict',
      message: 'A canned response with the shortcut /refund already exists',
      details: [{ path: 'shortcut', message: 'already in use' }],
    });
    const second = (await create({ shortcut: 'refund2', body: 'Second' }).expect(201)).body;
    expect((await update(second.id, { shortcut: 'refund', body: 'Second' }).expect(409)).body.error.code).toBe('conflict');
    expect(await stored(second.id)).toMatchObject({ shortcut: 'refund2' });
    expect(await stored(first.id)).toMatchObject({ body: 'Refunds take 5 working days.' });
    // Keeping its own shortcut is not a conflict.
    expect((await update(first.id, { shortcut: 'refund', body: 'Refunds take 3 working days.' }).expect(200)).body.body).toBe('Refunds take 3 working days.');
  });

  it('answers bad input with the validation shape', async () => {
    const cases: [object, string][] = [
      [{ shortcut: 'has space', body: 'x' }, 'shortcut'],
      [{ shortcut: '-dash', body: 'x' }, 'shortcut'],
      [{ shortcut: 'x'.repeat(41), body: 'x' }, 'shortcut'],
      [{ shortcut: 'ok', body: '   ' }, 'body'],
      [{ shortcut: 'ok', body: 'x'.repeat(4097) }, 'body'],
      [{ body: 'no shortcut' }, 'shortcut'],
    ];
    for (const [body, path] of cases) {
      const res = await create(body).expect(400);
      expect({ body, error: res.body.error }).toEqual({
        body,
        error: { code: 'validation_failed', message: expect.any(String), details: expect.arrayContaining([expect.objectContaining({ path })]) },
      });
    }
    expect((await update('nope', { shortcut: 'ok', body: 'x' }).expect(400)).body.error.details[0].path).toBe('id');
  });

  it('agents may create, edit and delete them too', async () => {
    const made = await create({ shortcut: 'agent-made', body: 'From an agent' }, agentToken).expect(201);
    await update(made.body.id, { shortcut: 'agent-made', body: 'Edited by an agent' }, agentToken).expect(200);
    expect((await list().expect(200)).body.data).toContainEqual(expect.objectContaining({ shortcut: 'agent-made', body: 'Edited by an agent' }));
    await remove(made.body.id, agentToken).expect(204);
    await request(app.url).get('/canned-responses').expect(401);
  });

  it("are private to the tenant: another tenant can't list, change or delete them", async () => {
    const mine = (await create({ shortcut: 'secret-offer', body: 'Use code ACME50 for 50% off' }).expect(201)).body;
    expect((await list(other.accessToken).expect(200)).body.data).toEqual([]);
    const res = await update(mine.id, { shortcut: 'hijack', body: 'x' }, other.accessToken).expect(404);
    expect(JSON.stringify(res.body)).not.toContain('ACME50');
    await remove(mine.id, other.accessToken).expect(404);
    expect(await stored(mine.id)).toMatchObject({ shortcut: 'secret-offer', body: 'Use code ACME50 for 50% off' });
    // The same shortcut is free in another workspace.
    await create({ shortcut: 'secret-offer', body: 'Theirs' }, other.accessToken).expect(201);
  });
});
