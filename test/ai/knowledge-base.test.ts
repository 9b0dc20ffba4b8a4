import request from 'supertest';
import type { TestApp } from '../support/harness';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { startTwoWorkspaces } from '../inbox/team-member';
import { minimalPdf } from './minimal-pdf';

let app: TestApp;
let tenant: RegisteredTenant;
let other: RegisteredTenant;
let agentToken: string;
beforeAll(async () => ({ app, tenant, other, agentToken } = await startTwoWorkspaces()));
afterAll(() => app?.stop());

const upload = (body: object, token = tenant.accessToken) => request(app.url).post('/ai/knowledge').set(bearer(token)).send(body);
const search = (q: string, token = tenant.accessToken, limit?: number) =>
  request(app.url)
    .get('/ai/knowledge/search')
    .query({ q, ...(limit ? { limit } : {}) })
    .set(bearer(token));
const list = (token = tenant.accessToken) => request(app.url).get('/ai/knowledge').set(bearer(token));
const chunksOf = async (documentId: string) => (await app.db.system('knowledge_chunks').where({ document_id: documentId }).orderBy('position')).map((c) => c.content as string);
const documentCount = async (tenantId: string) => Number((await app.db.system('knowledge_documents').where({ tenant_id: tenantId }).count({ n: '*' }))[0].n);

const HOURS = 'We are open 9am to 6pm, Monday to Saturday. On Sundays the shop is closed.';
const DELIVERY = 'Orders placed before noon are delivered the same day within Pune city limits.';

describe('knowledge base: uploads', () => {
  it('stores a text document as chunks and lists it', async () => {
    const res = await upload({ title: 'Shop hours', format: 'text', content: `${HOURS}\n\n${DELIVERY}` }).expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      title: 'Shop hours',
      format: 'text',
      charCount: `${HOURS}\n\n${DELIVERY}`.length,
      chunkCount: 1,
      createdAt: expect.any(String),
    });
    expect(await chunksOf(res.body.id)).toEqual([`${HOURS}\n\n${DELIVERY}`]);
    expect((await list().expect(200)).body.data).toContainEqual(res.body);
    expect((await list(agentToken).expect(200)).body.data).toContainEqual(res.body);
  });

  it('stores markdown without its syntax', async () => {
    const md = '# Returns\n\nYou can return **unopened** items within _30 days_. See [our policy](https://acme.example/returns).\n\n* Refunds take 5 days';
    const res = await upload({ title: 'Returns', format: 'markdown', content: md }).expect(201);
    expect(res.body).toMatchObject({ format: 'markdown', chunkCount: 1 });
    expect(await chunksOf(res.body.id)).toEqual([
      'Returns\n\nYou can return unopened items within 30 days. See our policy (https://acme.example/returns).\n\n- Refunds take 5 days',
    ]);
  });

  it('extracts the text of a PDF, page by page', async () => {
    const pdf = minimalPdf([
      ['Warranty card', 'Every blender carries a two year warranty (parts and labour).'],
      ['Claims', 'Bring the invoice to any service centre.'],
    ]);
    const res = await upload({ title: 'Warranty.pdf', format: 'pdf', content: pdf.toString('base64') }).expect(201);
    expect(res.body).toMatchObject({ title: 'Warranty.pdf', format: 'pdf', chunkCount: 1 });
    expect(await chunksOf(res.body.id)).toEqual([
      'Warranty card\nEvery blender carries a two year warranty (parts and labour).\n\nClaims\nBring the invoice to any service centre.',
    ]);

    const found = await search('Is there a warranty on the blender?').expect(200);
    expect(found.body.data[0]).toEqual({ documentId: res.body.id, title: 'Warranty.pdf', content: expect.stringContaining('two year warranty'), rank: expect.any(Number) });
  });

  it('cuts a long document into several passages, above the API-wide body limit', async () => {
    const paragraph = 'Our loyalty programme gives one point for every hundred rupees spent in any of our stores. ';
    const content = Array.from({ length: 1500 }, (_, i) => `${paragraph.repeat(8)}Paragraph ${i}.`).join('\n\n');
    expect(Buffer.byteLength(content)).toBeGreaterThan(app.config.bodyLimitBytes);
    const res = await upload({ title: 'Loyalty handbook', format: 'text', content }).expect(201);
    expect(res.body.chunkCount).toBe(1500);
    const chunks = await chunksOf(res.body.id);
    expect(chunks).toHaveLength(1500);
    expect(chunks[1499]).toMatch(/Paragraph 1499\.$/);
  });
});

describe('knowledge base: refused uploads leave nothing behind', () => {
  const refusals: [string, object, RegExp][] = [
    ['bad base64', { title: 'x', format: 'pdf', content: 'this is not base64!!' }, /base64/],
    ['base64 of something that is not a PDF', { title: 'x', format: 'pdf', content: Buffer.from('hello, plain text').toString('base64') }, /not a PDF/],
    ['a PDF with no text', { title: 'x', format: 'pdf', content: minimalPdf([[]]).toString('base64') }, /no text/],
    ['a damaged PDF', { title: 'x', format: 'pdf', content: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage').toString('base64') }, /could not be read|no text/],
    ['a text of only whitespace', { title: 'x', format: 'text', content: ' \n\n\t ' }, /no text/],
  ];
  it.each(refusals)('422 for %s', async (_, body, message) => {
    const before = await documentCount(tenant.tenant.id);
    const res = await upload(body).expect(422);
    expect(res.body.error).toMatchObject({ code: 'unprocessable', message: expect.stringMatching(message) });
    expect(await documentCount(tenant.tenant.id)).toBe(before);
  });

  it('400 with details for a malformed document', async () => {
    const res = await upload({ title: '', format: 'docx', content: 'x' }).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['format', 'title']);
    expect(
      (await request(app.url).post('/ai/knowledge').set(bearer(tenant.accessToken)).set('Content-Type', 'application/json').send('{"title":').expect(400)).body.error.code,
    ).toBe('malformed_json');
  });

  it('403 for an agent uploading or deleting', async () => {
    const doc = (await upload({ title: 'Agent-proof', format: 'text', content: 'Admins only.' }).expect(201)).body;
    const before = (await list().expect(200)).body.data;
    expect((await upload({ title: 'Mine', format: 'text', content: 'hello' }, agentToken).expect(403)).body.error.code).toBe('forbidden');
    await request(app.url).delete(`/ai/knowledge/${doc.id}`).set(bearer(agentToken)).expect(403);
    expect(await chunksOf(doc.id)).toEqual(['Admins only.']);
    expect((await list().expect(200)).body.data).toEqual(before);
    expect(await app.db.system('knowledge_documents').where({ tenant_id: tenant.tenant.id, title: 'Mine' })).toEqual([]);
  });
});

describe('knowledge base: search', () => {
  it('finds the opening hours for a question in a customer’s words', async () => {
    const fresh = await registerTenant(app.url);
    const add = (title: string, content: string) => upload({ title, format: 'text', content }, fresh.accessToken).expect(201);
    const hours = (await add('Opening hours', HOURS)).body;
    await add('Delivery', DELIVERY);
    await add('Payments', 'We accept UPI, cards and cash on delivery.');

    const res = await search('When are you open on Saturday?', fresh.accessToken).expect(200);
    expect(res.body.data).toEqual([{ documentId: hours.id, title: 'Opening hours', content: HOURS, rank: expect.any(Number) }]);
    expect(res.body.data[0].rank).toBeGreaterThan(0);

    // Any word may match; the passage matching more of them ranks first.
    const ranked = await search('Can I pay cash on delivery on a Saturday?', fresh.accessToken, 3).expect(200);
    expect(ranked.body.data.map((p: { title: string }) => p.title)).toEqual(['Payments', 'Opening hours']);
    expect(ranked.body.data[0].rank).toBeGreaterThan(ranked.body.data[1].rank);
    expect((await search('Can I pay cash on delivery on a Saturday?', fresh.accessToken, 1).expect(200)).body.data.map((p: { title: string }) => p.title)).toEqual(['Payments']);
  });

  it('returns nothing for a question of stop words only, and 400 without a question', async () => {
    expect((await search('Is it?').expect(200)).body.data).toEqual([]);
    expect((await search('').expect(400)).body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'q', message: expect.any(String) }] });
    expect((await search('open', tenant.accessToken, 11).expect(400)).body.error.details[0].path).toBe('limit');
  });

  it('is safe with tsquery syntax in the question', async () => {
    const fresh = await registerTenant(app.url);
    await upload({ title: 'Opening hours', format: 'text', content: HOURS }, fresh.accessToken).expect(201);
    expect((await search("open & | ! ( ) :* 'saturday' \\ o'brien a:b", fresh.accessToken).expect(200)).body.data.map((p: { content: string }) => p.content)).toEqual([HOURS]);
  });
});

describe('knowledge base: tenants and deletion', () => {
  it("another tenant can neither list, search nor delete a tenant's documents", async () => {
    const secret = (await upload({ title: 'Wholesale prices', format: 'text', content: 'Zanzibar cloves cost 900 rupees per kilogram wholesale.' }).expect(201)).body;
    expect((await search('zanzibar cloves').expect(200)).body.data[0].documentId).toBe(secret.id);

    expect((await list(other.accessToken).expect(200)).body.data).toEqual([]);
    expect((await search('zanzibar cloves', other.accessToken).expect(200)).body.data).toEqual([]);
    const res = await request(app.url).delete(`/ai/knowledge/${secret.id}`).set(bearer(other.accessToken)).expect(404);
    expect(res.body.error.code).toBe('not_found');
    expect(JSON.stringify(res.body)).not.toContain('Zanzibar');
    expect(await chunksOf(secret.id)).toHaveLength(1);
  });

  it('deletes a document with its passages', async () => {
    const doc = (await upload({ title: 'Old menu', format: 'text', content: 'Quinoa pongal is served on Tuesdays.' }).expect(201)).body;
    expect((await search('quinoa pongal').expect(200)).body.data).toHaveLength(1);
    await request(app.url).delete(`/ai/knowledge/${doc.id}`).set(bearer(tenant.accessToken)).expect(204);
    expect(await chunksOf(doc.id)).toEqual([]);
    expect((await search('quinoa pongal').expect(200)).body.data).toEqual([]);
    expect((await list().expect(200)).body.data.map((d: { id: string }) => d.id)).not.toContain(doc.id);
    await request(app.url).delete(`/ai/knowledge/${doc.id}`).set(bearer(tenant.accessToken)).expect(404);
    expect((await request(app.url).delete('/ai/knowledge/not-a-uuid').set(bearer(tenant.accessToken)).expect(400)).body.error.code).toBe('validation_failed');
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await request(app.url).get('/openapi.json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/ai/settings', '/ai/knowledge', '/ai/knowledge/search', '/ai/knowledge/{id}']));
    expect(doc.paths['/ai/knowledge'].post.requestBody).toBeDefined();
  });
});
