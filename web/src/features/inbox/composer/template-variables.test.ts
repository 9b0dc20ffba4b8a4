import type { TemplateSummary } from '../../../api/templates';
import { fillTemplate, templateText, variableNames } from './template-variables';

const template = (over: Partial<TemplateSummary> = {}): TemplateSummary => ({
  name: 'order_ready',
  language: 'en',
  category: 'UTILITY',
  status: 'APPROVED',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
    { type: 'BODY', text: 'Hi {{2}}, order {{1}} is ready at {{3}}.' },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
    { type: 'BUTTONS' },
  ],
  ...over,
});

describe('template variables', () => {
  it('reads header and body, and finds each placeholder once in order', () => {
    expect(templateText(template())).toBe('Order {{1}}\n\nHi {{2}}, order {{1}} is ready at {{3}}.');
    expect(variableNames(template())).toEqual(['1', '2', '3']);
  });

  it('prefers what the API says: names, or a count', () => {
    expect(variableNames(template({ variables: ['customer', 'order'] }))).toEqual(['customer', 'order']);
    expect(variableNames(template({ variables: 2 }))).toEqual(['1', '2']);
    expect(variableNames(template({ components: [{ type: 'BODY', text: 'Welcome!' }] }))).toEqual([]);
  });

  it('fills the preview, leaving empty variables visible', () => {
    expect(fillTemplate('Hi {{1}}, see you at {{2}}', ['1', '2'], ['Meera', ' '])).toBe('Hi Meera, see you at {{2}}');
  });
});
