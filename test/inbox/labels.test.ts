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

const list = (token = tenant.accessToken) => request(app.url).get('/labels').set(bearer(token));
const create = (body: object, token = tenant.accessToken) => request(app.url).post('/labels').set(bearer(token)).send(body);
const remove = (id: string, token = tenant.accessToken) => request(app.url).delete(`/labels/${id}`).set(bearer(token));
const stored = (id: string) => app.db.system('labels').where({ id }).first();

describe('labels', () => {
  it('creates with a default or given colour, lists by name, deletes', async () => {
    const vip = await create({ name: ' VIP ', color: '#FF8800' }).expect(201);
    expect(vip.body).toEqual({ id: expect.any(String), name: 'VIP', color: '#ff8800' });
    const lead = await create({ name: 'lead' }).expect(201);
    expect(lead.body).toEqual({ id: expect.any(String), name: 'lead', color: '#64748b' });
    const bulk = (await create({ name: 'Bulk order' }).expect(201)).body;
    expect((await list().expect(200)).body.data).toEqual([bulk, lead.body, vip.body]);
    expect((await list(agentToken).expect(200)).body.data).toEqual([bulk, lead.body, vip.body]);

    await remove(bulk.id).expect(204);
    expect(await stored(bulk.id)).toBeUndefined();
    expect((await list().expect(200)).body.data.map((l: { name: string }) => l.name)).toEqual(['lead', 'VIP']);
    expect((await remove(bulk.id).expect(404)).body.error.code).toBe('not_found');
  });

  it('409 for a name already in use, whatever its case', async () => {
    await create({ name: 'Urgent' }).expect(201);
    for (const name of ['Urgent', 'urgent', ' URGENT ']) {
      const res = await create({ name, color: '#000000' }).expect(409);
      expect(res.body.error).toEqual({ code: 'conflict', message: 'A label named "Urgent" already exists', details: [{ path: 'name', message: 'already in use' }] });
    }
    expect((await list().expect(200)).body.data.filter((l: { name: string }) => l.name.toLowerCase() === 'urgent')).toHaveLength(1);
  });

  it('deleting a label takes it off the conversations that had it', async () => {
    const label = (await create({ name: 'Follow up' }).expect(201)).body;
    const tenantId = tenant.tenant.id;
    // A bare conversation row stands in for one the actor made: the cascade is the database's.
    const [contact] = await app.db
      .system('contacts')
      .insert({ tenant_id: tenantId, phone_ciphertext: 'x', phone_key_id: 'k', phone_blind_index: `bi-${label.id}`, phone_last4: '0000' })
      .returning('id');
    const [conversation] = await app.db.system('conversations').insert({ tenant_id: tenantId, contact_id: contact.id, phone_number_id: '1' }).returning('id');
    await app.db.system('conversation_labels').insert({ tenant_id: tenantId, conversation_id: conversation.id, label_id: label.id });
    await remove(label.id).expect(204);
    expect(await app.db.system('conversation_labels').where({ label_id: label.id })).toEqual([]);
  });

  it('answers bad input with the validation shape', async () => {
    const cases: [object, string][] = [
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(41) }, 'name'],
      [{ name: 'ok', color: 'red' }, 'color'],
      [{ name: 'ok', color: '#12345' }, 'color'],
      [{}, 'name'],
    ];
    for (const [body, path] of cases) {
      const res = await create(body).expect(400);
      expect({ body, error: res.body.error }).toEqual({
        body,
        error: { code: 'validation_failed', message: expect.any(String), details: expect.arrayContaining([expect.objectContaining({ path })]) },
      });
    }
    expect((await remove('not-a-uuid').expect(400)).body.error.details[0].path).toBe('id');
  });

  it('agents may create labels but only admins delete them', async () => {
    const made = await create({ name: 'Agent label' }, agentToken).expect(201);
    expect((await remove(made.body.id, agentToken).expect(403)).body.error.code).toBe('forbidden');
    expect(await stored(made.body.id)).toMatchObject({ name: 'Agent label' });
    await remove(made.body.id).expect(204);
  });

  it("are private to the tenant: another tenant can't list or delete them", async () => {
    const mine = (await create({ name: 'Wholesale partner' }).expect(201)).body;
    expect((await list(other.accessToken).expect(200)).body.data).toEqual([]);
    await remove(mine.id, other.accessToken).expect(404);
    expect(await stored(mine.id)).toMatchObject({ name: 'Wholesale partner' });
    expect((await create({ name: 'Wholesale partner' }, other.accessToken).expect(201)).body.id).not.toBe(mine.id);
  });
});
