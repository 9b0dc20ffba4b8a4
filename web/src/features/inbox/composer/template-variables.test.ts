import type { TPickerTemplate } from '@domain/whatsapp-templates';
import { fillTemplate, templateText, variableNames } from './template-variables';

const template = (over: Partial<TPickerTemplate> = {}): TPickerTemplate => ({
  name: 'order_ready',
  language: 'en',
  category: 'UTILITY',
  status: 'APPROVED',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Your order' },
    { type: 'BODY', text: 'Hi {{1}}, order {{2}} is ready. Thanks, {{1}}!' },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
    { type: 'BUTTONS', buttons: [] },
  ],
  variables: 2,
  ...over,
});

describe('template variables', () => {
  it('reads header and body, and names the body placeholders once each, in order', () => {
    expect(templateText(template())).toBe('Your order\n\nHi {{1}}, order {{2}} is ready. Thanks, {{1}}!');
    expect(variableNames(template())).toEqual(['1', '2']);
    expect(variableNames(template({ components: [{ type: 'BODY', text: 'Hi {{name}}, see you at {{time}}' }], variables: 2 }))).toEqual(['name', 'time']);
  });

  it("follows the API's count when the text disagrees, and has none for a fixed text", () => {
    expect(variableNames(template({ components: [{ type: 'BODY', text: 'Hello' }], variables: 1 }))).toEqual(['1']);
    expect(variableNames(template({ components: [{ type: 'BODY', text: 'Welcome!' }], variables: 0 }))).toEqual([]);
  });

  it('fills the preview, leaving empty variables visible', () => {
    expect(fillTemplate('Hi {{1}}, see you at {{2}}', ['1', '2'], ['Meera', ' '])).toBe('Hi Meera, see you at {{2}}');
  });
});
