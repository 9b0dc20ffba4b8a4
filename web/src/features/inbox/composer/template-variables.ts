import type { TPickerTemplate } from '@domain/whatsapp-templates';

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

function componentText(template: TPickerTemplate, type: string): string | undefined {
  const component = template.components.find((c) => String(c.type).toUpperCase() === type);
  return typeof component?.text === 'string' ? component.text : undefined;
}

/** The text a customer reads: the header (when it is text) and the body. */
export function templateText(template: TPickerTemplate): string {
  return [componentText(template, 'HEADER'), componentText(template, 'BODY')].filter(Boolean).join('\n\n');
}

/**
 * The body's variables in sending order (what `template.variables` of a send fills): their names as
 * written ({{1}}, {{name}}), each once; plain numbers when the text does not match the API's count.
 */
export function variableNames(template: TPickerTemplate): string[] {
  const names: string[] = [];
  for (const match of (componentText(template, 'BODY') ?? '').matchAll(PLACEHOLDER)) if (!names.includes(match[1])) names.push(match[1]);
  return names.length === template.variables ? names : Array.from({ length: template.variables }, (_, i) => String(i + 1));
}

/** The preview with each filled variable in place; empty ones stay as {{name}}. */
export function fillTemplate(text: string, names: string[], values: string[]): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const i = names.indexOf(name);
    return i >= 0 && values[i]?.trim() ? values[i] : whole;
  });
}
