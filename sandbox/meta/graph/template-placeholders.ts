import type { TemplateRecord } from '../state/store';

/** Distinct `{{1}}` / `{{name}}` placeholders in a template text. */
export function placeholders(text: string | undefined): string[] {
  if (!text) return [];
  return [...new Set([...text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1]))];
}

export function componentText(template: TemplateRecord, type: 'HEADER' | 'BODY' | 'FOOTER'): string | undefined {
  const component = template.components.find((c) => String(c.type).toUpperCase() === type);
  return typeof component?.text === 'string' ? component.text : undefined;
}

/** Quick-reply / URL buttons declared on the template, in index order. */
export function templateButtons(template: TemplateRecord): { type: string; text: string; url?: string }[] {
  const component = template.components.find((c) => String(c.type).toUpperCase() === 'BUTTONS');
  const buttons = Array.isArray(component?.buttons) ? (component.buttons as Record<string, unknown>[]) : [];
  return buttons.map((b) => ({ type: String(b.type ?? ''), text: String(b.text ?? ''), ...(typeof b.url === 'string' ? { url: b.url } : {}) }));
}

/** Replaces placeholders with values in order (positional) or by name. */
export function fill(text: string | undefined, values: { name?: string; value: string }[]): string | undefined {
  if (text === undefined) return undefined;
  const byPosition = placeholders(text);
  return text.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, key: string) => {
    const named = values.find((v) => v.name === key);
    if (named) return named.value;
    const position = /^\d+$/.test(key) ? Number(key) - 1 : byPosition.indexOf(key);
    return values[position]?.value ?? whole;
  });
}
