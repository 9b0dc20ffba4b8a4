import type { TemplateSummary } from '../../../api/templates';

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

/** The text a customer reads: the header and body components, one paragraph each. */
export function templateText(template: TemplateSummary): string {
  return template.components
    .filter((c) => (c.type === 'HEADER' && (c.format ?? 'TEXT') === 'TEXT') || c.type === 'BODY')
    .map((c) => c.text ?? '')
    .filter(Boolean)
    .join('\n\n');
}

/**
 * The template's variables in sending order: the names the API gives, or a count (1…n), or else
 * the placeholders found in its text ({{1}}, {{name}}), each once.
 */
export function variableNames(template: TemplateSummary): string[] {
  if (Array.isArray(template.variables)) return template.variables;
  if (typeof template.variables === 'number') return Array.from({ length: template.variables }, (_, i) => String(i + 1));
  const names: string[] = [];
  for (const match of templateText(template).matchAll(PLACEHOLDER)) if (!names.includes(match[1])) names.push(match[1]);
  return names;
}

/** The preview with each filled variable in place; empty ones stay as {{name}}. */
export function fillTemplate(text: string, names: string[], values: string[]): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const i = names.indexOf(name);
    return i >= 0 && values[i]?.trim() ? values[i] : whole;
  });
}
