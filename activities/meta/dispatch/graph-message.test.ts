import { ZMessageContentSchema, type TMessageContent } from '../../../domain/messages';
import { ZSendMessage } from '../../../sandbox/meta/graph/send-schema';
import { toGraphMessage } from './graph-message';

const ID = '5b1f1d1e-8c1a-4c5e-9a53-3f0a8e0f6a10';
const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '919800000001', biz_opaque_callback_data: ID };
const graph = (content: unknown, replyTo?: string) => toGraphMessage(ZMessageContentSchema.parse(content) as TMessageContent, '+919800000001', ID, replyTo);

describe('toGraphMessage', () => {
  it('sends text without the plus, with our id as callback data', () => {
    expect(graph({ type: 'text', text: { body: 'Hi' } })).toEqual({ ...envelope, type: 'text', text: { body: 'Hi', preview_url: false } });
  });

  it('replies in context when given the wamid it answers', () => {
    expect(graph({ type: 'text', text: { body: 'Hi', previewUrl: true } }, 'wamid.X')).toEqual({
      ...envelope,
      context: { message_id: 'wamid.X' },
      type: 'text',
      text: { body: 'Hi', preview_url: true },
    });
  });

  it('turns template variables into body parameters, in order', () => {
    expect(graph({ type: 'template', template: { name: 'order_update', language: 'en_US', variables: ['Asha', '#123'] } })).toEqual({
      ...envelope,
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
        ],
      },
    });
  });

  it('omits components for a template without variables', () => {
    expect(graph({ type: 'template', template: { name: 'hello_world', language: 'en_US' } }).template).toEqual({ name: 'hello_world', language: { code: 'en_US' } });
  });

  it('sends media by link or id, with caption and filename only where Meta takes them', () => {
    expect(graph({ type: 'image', media: { link: 'https://cdn.test/a.jpg', caption: 'Look' } })).toEqual({
      ...envelope,
      type: 'image',
      image: { link: 'https://cdn.test/a.jpg', caption: 'Look' },
    });
    expect(graph({ type: 'document', media: { id: '123', caption: 'Invoice', filename: 'inv.pdf' } }).document).toEqual({ id: '123', caption: 'Invoice', filename: 'inv.pdf' });
    expect(graph({ type: 'audio', media: { id: '9', caption: 'dropped', filename: 'dropped.ogg' } }).audio).toEqual({ id: '9' });
    expect(graph({ type: 'video', media: { id: '7', caption: 'Clip', filename: 'dropped.mp4' } }).video).toEqual({ id: '7', caption: 'Clip' });
  });

  it('sends reply buttons as an interactive button message', () => {
    const body = graph({
      type: 'buttons',
      buttons: {
        body: 'Confirm?',
        footer: 'Reply below',
        options: [
          { id: 'yes', title: 'Yes' },
          { id: 'no', title: 'No' },
        ],
      },
    });
    expect(body).toEqual({
      ...envelope,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Confirm?' },
        footer: { text: 'Reply below' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'yes', title: 'Yes' } },
            { type: 'reply', reply: { id: 'no', title: 'No' } },
          ],
        },
      },
    });
  });

  it('sends a list as an interactive list message', () => {
    const body = graph({
      type: 'list',
      list: {
        body: 'Pick a slot',
        button: 'Slots',
        sections: [
          {
            title: 'Today',
            rows: [
              { id: 'r1', title: '10:00', description: 'Morning' },
              { id: 'r2', title: '15:00' },
            ],
          },
        ],
      },
    });
    expect(body.interactive).toEqual({
      type: 'list',
      body: { text: 'Pick a slot' },
      action: {
        button: 'Slots',
        sections: [
          {
            title: 'Today',
            rows: [
              { id: 'r1', title: '10:00', description: 'Morning' },
              { id: 'r2', title: '15:00' },
            ],
          },
        ],
      },
    });
  });
});

describe('toGraphMessage against the simulator’s copy of Meta’s send schema', () => {
  it.each([
    { type: 'text', text: { body: 'Hi' } },
    { type: 'template', template: { name: 'order_update', language: 'en_US', variables: ['Asha'] } },
    { type: 'audio', media: { id: '9', caption: 'x', filename: 'x.ogg' } },
    { type: 'document', media: { link: 'https://cdn.test/a.pdf', caption: 'Invoice', filename: 'a.pdf' } },
    { type: 'buttons', buttons: { body: 'Confirm?', options: [{ id: 'yes', title: 'Yes' }] } },
    { type: 'list', list: { body: 'Pick', button: 'Slots', sections: [{ rows: [{ id: 'r1', title: '10:00' }] }] } },
  ])('%j is a valid body', (content) => {
    expect(ZSendMessage.safeParse(graph(content, 'wamid.X')).error).toBeUndefined();
  });
});
