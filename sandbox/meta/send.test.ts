import { startMetaSimulator, type MetaSimulator, type SimAccount } from './index';
import { graphClient } from './testing/graph-client';

let sim: MetaSimulator;
let account: SimAccount;
let call: ReturnType<typeof graphClient>;

beforeAll(async () => {
  sim = await startMetaSimulator({ appId: '670843887433847', appSecret: 'test-secret', statuses: { upTo: 'none' } });
  call = graphClient(sim.url);
});
afterAll(() => sim.stop());
beforeEach(() => {
  sim.reset({ all: true });
  account = sim.createAccount();
});

const send = (body: unknown, token = account.token, phoneNumberId = account.phoneNumberId) => call('POST', `${phoneNumberId}/messages`, { token, json: body });

function expectParamError(res: { status: number; json: any }, message: RegExp) {
  expect(res.status).toBe(400);
  expect(res.json.error).toMatchObject({ type: 'OAuthException', code: 100, error_data: { messaging_product: 'whatsapp' } });
  expect(res.json.error.message).toMatch(/^\(#100\) /);
  expect(res.json.error.message).toMatch(message);
  expect(typeof res.json.error.fbtrace_id).toBe('string');
}

describe('POST /{phone-number-id}/messages', () => {
  it('accepts a text send and answers with contacts and a wamid', async () => {
    const res = await send({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '+1 (650) 555-1234',
      type: 'text',
      text: { body: 'Hi', preview_url: false },
      biz_opaque_callback_data: 'order-7',
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: '+1 (650) 555-1234', wa_id: '16505551234' }],
      messages: [{ id: expect.stringMatching(/^wamid\.[A-Za-z0-9+/=]+$/) }],
    });
    const [sent] = sim.sent();
    expect(sent).toMatchObject({ wamid: res.json.messages[0].id, waId: '16505551234', type: 'text', bizOpaqueCallbackData: 'order-7', version: 'v21.0', preview: { text: 'Hi' } });
  });

  it('defaults an omitted type to text', async () => {
    expect((await send({ messaging_product: 'whatsapp', to: '16505551234', text: { body: 'Hi' } })).status).toBe(200);
  });

  it('accepts an approved template with parameters and marks it accepted', async () => {
    const created = await call('POST', `${account.wabaId}/message_templates`, {
      token: account.token,
      json: {
        name: 'order_update',
        language: 'en_US',
        category: 'UTILITY',
        components: [
          { type: 'BODY', text: 'Hi {{1}}, order {{2}} shipped', example: { body_text: [['Asha', '#123']] } },
          { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Track' }] },
        ],
      },
    });
    expect(created.json).toEqual({ id: expect.any(String), status: 'PENDING', category: 'UTILITY' });
    await sim.idle();
    const res = await send({
      messaging_product: 'whatsapp',
      to: '16505551234',
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'en_US' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Asha' },
              { type: 'text', text: '#123' },
            ],
          },
          { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'TRACK_123' }] },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.messages[0]).toEqual({ id: expect.stringMatching(/^wamid\./), message_status: 'accepted' });
    expect(sim.sent()[0].preview).toMatchObject({ text: 'Hi Asha, order #123 shipped', buttons: [{ title: 'Track', payload: 'TRACK_123' }] });
  });

  it('sends the hello_world sample template every new WABA has', async () => {
    expect((await send({ messaging_product: 'whatsapp', to: '16505551234', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } })).status).toBe(200);
  });

  it.each([
    ['missing messaging_product', { to: '16505551234', type: 'text', text: { body: 'x' } }, /The parameter messaging_product is required/],
    ['missing to', { messaging_product: 'whatsapp', type: 'text', text: { body: 'x' } }, /The parameter to is required/],
    ['missing the type object', { messaging_product: 'whatsapp', to: '16505551234', type: 'text' }, /The parameter text is required/],
    ['missing text body', { messaging_product: 'whatsapp', to: '16505551234', type: 'text', text: {} }, /The parameter text\['body'\] is required/],
    ['text over 4096 chars', { messaging_product: 'whatsapp', to: '16505551234', text: { body: 'x'.repeat(4097) } }, /text\['body'\] must be at most 4096 characters/],
    ['an unknown key', { messaging_product: 'whatsapp', to: '16505551234', text: { body: 'x', bold: true } }, /Unexpected key "bold" on param "text"/],
    ['an unknown type', { messaging_product: 'whatsapp', to: '16505551234', type: 'hologram' }, /Param type must be one of/],
    [
      'four reply buttons',
      {
        messaging_product: 'whatsapp',
        to: '16505551234',
        type: 'interactive',
        interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons: [1, 2, 3, 4].map((i) => ({ type: 'reply', reply: { id: `b${i}`, title: `B${i}` } })) } },
      },
      /buttons'\] must contain at most 3/,
    ],
    [
      'a button title over 20 chars',
      {
        messaging_product: 'whatsapp',
        to: '16505551234',
        type: 'interactive',
        interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'x'.repeat(21) } }] } },
      },
      /\['title'\] must be at most 20/,
    ],
    [
      'a list row title over 24 chars',
      {
        messaging_product: 'whatsapp',
        to: '16505551234',
        type: 'interactive',
        interactive: { type: 'list', body: { text: 'Pick' }, action: { button: 'Choose', sections: [{ rows: [{ id: 'r', title: 'x'.repeat(25) }] }] } },
      },
      /must be at most 24/,
    ],
    [
      'an image with both id and link',
      { messaging_product: 'whatsapp', to: '16505551234', type: 'image', image: { id: '1', link: 'https://x.test/a.jpg' } },
      /exactly one of id or link/,
    ],
    [
      'a template without language',
      { messaging_product: 'whatsapp', to: '16505551234', type: 'template', template: { name: 'hello_world' } },
      /template\['language'\] is required/,
    ],
    ['a bad recipient', { messaging_product: 'whatsapp', to: 'abc', text: { body: 'x' } }, /Param to/],
  ])('rejects %s with (#100)', async (_name, body, message) => {
    expectParamError(await send(body), message);
    expect(sim.sent()).toHaveLength(0);
  });

  it('rejects a non-JSON body with (#100)', async () => {
    const res = await fetch(`${sim.url}/v21.0/${account.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${account.token}`, 'content-type': 'application/json' },
      body: '{"messaging_product":',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe(100);
  });

  it('validates reaction, location, contacts, media by link, list and cta_url sends', async () => {
    const bodies = [
      { type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '👍' } },
      { type: 'location', location: { latitude: 12.97, longitude: 77.59, name: 'Office' } },
      { type: 'contacts', contacts: [{ name: { formatted_name: 'Asha Rao', first_name: 'Asha' }, phones: [{ phone: '+919800000000', type: 'CELL' }] }] },
      { type: 'document', document: { link: 'https://example.test/invoice.pdf', filename: 'invoice.pdf', caption: 'Invoice' } },
      {
        type: 'interactive',
        interactive: {
          type: 'list',
          header: { type: 'text', text: 'Menu' },
          body: { text: 'Pick one' },
          action: { button: 'Choose', sections: [{ title: 'A', rows: [{ id: 'r1', title: 'One', description: 'First' }] }] },
        },
      },
      {
        type: 'interactive',
        interactive: { type: 'cta_url', body: { text: 'Open' }, action: { name: 'cta_url', parameters: { display_text: 'Visit', url: 'https://example.test' } } },
      },
      { type: 'text', text: { body: 'reply' }, context: { message_id: 'wamid.Y' } },
    ];
    for (const body of bodies) expect((await send({ messaging_product: 'whatsapp', to: '16505551234', ...body })).status).toBe(200);
    expect(sim.sent().map((m) => m.type)).toEqual(['reaction', 'location', 'contacts', 'document', 'interactive', 'interactive', 'text']);
  });

  it('marks a message as read', async () => {
    const res = await send({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.ABC=', typing_indicator: { type: 'text' } });
    expect(res).toMatchObject({ status: 200, json: { success: true } });
    expect(sim.sent()).toHaveLength(0);
  });

  it('answers 132001 (HTTP 404) for a template that does not exist in that language', async () => {
    const res = await send({ messaging_product: 'whatsapp', to: '16505551234', type: 'template', template: { name: 'hello_world', language: { code: 'fr' } } });
    expect(res.status).toBe(404);
    expect(res.json.error).toMatchObject({ code: 132001, error_data: { details: 'template name (hello_world) does not exist in fr' } });
  });

  it('answers 132000 when the body parameter count does not match', async () => {
    const res = await send({
      messaging_product: 'whatsapp',
      to: '16505551234',
      type: 'template',
      template: { name: 'hello_world', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'extra' }] }] },
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 132000, error_data: { details: 'body: number of localizable_params (1) does not match the expected number of params (0)' } });
  });

  it('answers 133010 for a number that is not registered', async () => {
    const unregistered = sim.createAccount({ registered: false });
    const res = await send({ messaging_product: 'whatsapp', to: '16505551234', text: { body: 'x' } }, unregistered.token, unregistered.phoneNumberId);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 133010, message: '(#133010) Phone number Not registered' });
  });

  it("answers Graph's 100/33 for an unknown phone number id", async () => {
    const res = await send({ messaging_product: 'whatsapp', to: '16505551234', text: { body: 'x' } }, account.token, '999999999999999');
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' });
  });
});
