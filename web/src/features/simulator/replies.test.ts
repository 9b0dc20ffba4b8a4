import { buttonReply, listReply, summaryOf } from './replies';
import type { BusinessMessage } from './sim-client';

const sent = (preview: BusinessMessage['preview']): BusinessMessage => ({ wamid: 'wamid.B1', phoneNumberId: '1', type: 'interactive', at: 0, preview });

describe('what a tap on the phone sends back', () => {
  it('an interactive reply button answers with a button_reply carrying its id', () => {
    const message = sent({ text: 'Reserve one?', buttons: [{ id: 'yes', title: 'Yes' }] });
    expect(buttonReply(message, message.preview.buttons![0])).toEqual({
      message: { type: 'button_reply', buttonId: 'yes', title: 'Yes', replyTo: 'wamid.B1' },
      text: 'Yes',
      quote: 'Reserve one?',
    });
  });

  it("a template's quick reply answers with a button message carrying the payload, else the button text", () => {
    const message = sent({ template: { name: 'order_ready', language: 'en' }, text: 'Your order is ready', buttons: [{ title: 'Track', payload: 'TRACK_42' }, { title: 'Help' }] });
    expect(buttonReply(message, message.preview.buttons![0]).message).toEqual({ type: 'button', payload: 'TRACK_42', text: 'Track', replyTo: 'wamid.B1' });
    expect(buttonReply(message, message.preview.buttons![1]).message).toMatchObject({ type: 'button', payload: 'Help' });
  });

  it('a list row answers with a list_reply, and long messages are quoted short', () => {
    const message = sent({ text: 'x'.repeat(120), list: { button: 'Sizes', sections: [{ rows: [{ id: 'm', title: 'Medium', description: '38–40' }] }] } });
    expect(listReply(message, message.preview.list!.sections[0].rows[0]).message).toEqual({
      type: 'list_reply',
      rowId: 'm',
      title: 'Medium',
      description: '38–40',
      replyTo: 'wamid.B1',
    });
    expect(summaryOf(message)).toHaveLength(78);
  });
});
