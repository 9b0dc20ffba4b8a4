import { z } from 'zod';
import type { TemplateRecord } from '../state/store';
import type { WebhookDelivery } from '../types';
import { templateStatusEnvelope } from '../webhooks/payloads';
import { webhookRoute } from '../webhooks/route';
import { requireToken, wabaFor } from './auth';
import { param, sendJson, type SimDeps, type SimRouteContext, type SimRouter } from './context';
import { GraphError } from './errors';
import { page, selectFields } from './fields';
import { toGraphParamError } from './param-errors';
import { placeholders } from './template-placeholders';

const TEMPLATE_DEFAULT_FIELDS = ['name', 'parameter_format', 'components', 'language', 'status', 'category', 'id'];

const ZComponent = z.looseObject({
  type: z
    .string()
    .transform((t) => t.toUpperCase())
    .pipe(z.enum(['HEADER', 'BODY', 'FOOTER', 'BUTTONS'])),
});

const ZCreateTemplate = z.strictObject({
  name: z
    .string()
    .max(512)
    .regex(/^[a-z0-9_]+$/, { message: 'Param name must contain only lowercase letters, digits and underscores.' }),
  language: z.string().min(2).max(15),
  category: z
    .string()
    .transform((c) => c.toUpperCase())
    .pipe(z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION'])),
  // Form-encoded posts carry components as a JSON string, which Graph accepts too.
  components: z.preprocess((v) => (typeof v === 'string' ? safeJson(v) : v), z.array(ZComponent).min(1)),
  parameter_format: z.enum(['POSITIONAL', 'NAMED']).optional(),
  allow_category_change: z.boolean().optional(),
  message_send_ttl_seconds: z.number().int().optional(),
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function templateJson(t: TemplateRecord): Record<string, unknown> {
  return {
    name: t.name,
    parameter_format: t.parameterFormat,
    components: t.components,
    language: t.language,
    status: t.status,
    category: t.category,
    id: t.id,
    ...(t.status === 'REJECTED' ? { rejected_reason: t.rejectedReason } : {}),
  };
}

/** GET/POST/DELETE /{waba-id}/message_templates, with asynchronous review and its status webhook. */
export function registerTemplateRoutes(router: SimRouter, deps: SimDeps): void {
  const { store } = deps;

  router.get('/:version/:wabaId/message_templates', (ctx: SimRouteContext) => {
    const waba = wabaFor(ctx, store, requireToken(ctx, store), ctx.params.wabaId);
    const filter = { name: param(ctx, 'name'), status: param(ctx, 'status'), category: param(ctx, 'category'), language: param(ctx, 'language') };
    const list = [...store.templates.values()]
      .filter((t) => t.wabaId === waba.id)
      .filter(
        (t) =>
          (!filter.name || t.name.includes(filter.name)) &&
          (!filter.status || t.status === filter.status.toUpperCase()) &&
          (!filter.category || t.category === filter.category.toUpperCase()) &&
          (!filter.language || t.language === filter.language),
      )
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((t) => selectFields(ctx, templateJson(t), TEMPLATE_DEFAULT_FIELDS));
    sendJson(ctx, 200, page(ctx, list, deps.baseUrl()));
  });

  router.post('/:version/:wabaId/message_templates', (ctx: SimRouteContext) => {
    const waba = wabaFor(ctx, store, requireToken(ctx, store), ctx.params.wabaId);
    const input = ctx.state.body;
    const parsed = ZCreateTemplate.safeParse(input);
    if (!parsed.success) throw toGraphParamError(parsed.error, input);
    const spec = parsed.data;
    const components = spec.components as Record<string, unknown>[];
    const bodyComponent = components.find((c) => c.type === 'BODY');
    if (!bodyComponent || typeof bodyComponent.text !== 'string' || bodyComponent.text.length === 0)
      throw GraphError.invalidParam("The parameter components[BODY]['text'] is required.");
    if (bodyComponent.text.length > 1024) throw GraphError.invalidParam("Param components[BODY]['text'] must be at most 1024 characters long.");
    const variables = placeholders(bodyComponent.text);
    const example = bodyComponent.example as { body_text?: unknown[][]; body_text_named_params?: unknown[] } | undefined;
    if (variables.length > 0 && !example?.body_text?.[0]?.length && !example?.body_text_named_params?.length) {
      throw GraphError.invalidParam('Invalid parameter', {
        subcode: 2388043,
        userTitle: 'Message template "components" param is missing expected field(s)',
        userMessage: 'component of type BODY is missing expected field(s) (example)',
      });
    }
    if (store.findTemplate(waba.id, spec.name, spec.language)) {
      throw GraphError.invalidParam('Invalid parameter', {
        subcode: 2388024,
        userTitle: 'Message template already exists',
        userMessage: `There is already ${spec.language} content for this template. You can create a new template and try again.`,
      });
    }
    const template = store.addTemplate({
      wabaId: waba.id,
      name: spec.name,
      language: spec.language,
      category: spec.category,
      status: 'PENDING',
      rejectedReason: 'NONE',
      components: components.map((c) => ({ ...c })),
      parameterFormat: spec.parameter_format ?? 'POSITIONAL',
    });
    deps.scheduler.after(deps.config.templateReviewMs, () =>
      template.name.includes('reject') ? setTemplateStatus(deps, template, 'REJECTED', 'INVALID_FORMAT') : setTemplateStatus(deps, template, 'APPROVED', 'NONE'),
    );
    sendJson(ctx, 200, { id: template.id, status: 'PENDING', category: template.category });
  });

  router.delete('/:version/:wabaId/message_templates', (ctx: SimRouteContext) => {
    const waba = wabaFor(ctx, store, requireToken(ctx, store), ctx.params.wabaId);
    const name = param(ctx, 'name');
    if (!name) throw GraphError.invalidParam('The parameter name is required.');
    const hsmId = param(ctx, 'hsm_id');
    const doomed = [...store.templates.values()].filter((t) => t.wabaId === waba.id && t.name === name && (!hsmId || t.id === hsmId));
    if (doomed.length === 0)
      throw GraphError.invalidParam('Invalid parameter', { subcode: 2593002, userTitle: 'Message template not found', userMessage: `No template named ${name} was found.` });
    for (const t of doomed) store.templates.delete(t.id);
    sendJson(ctx, 200, { success: true });
  });
}

/** Changes a template's status and tells the app through message_template_status_update. */
export function setTemplateStatus(deps: SimDeps, template: TemplateRecord, status: string, reason = 'NONE'): Promise<WebhookDelivery> {
  template.status = status;
  template.rejectedReason = status === 'REJECTED' ? reason : 'NONE';
  return deps.deliverer.deliver({
    kind: 'template',
    body: templateStatusEnvelope(template.wabaId, {
      event: status,
      templateId: template.id,
      name: template.name,
      language: template.language,
      category: template.category,
      reason,
    }),
    route: webhookRoute(deps.store, deps.config.appId, template.wabaId),
    lane: `template:${template.id}`,
  });
}
