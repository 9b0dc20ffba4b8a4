import { z } from 'zod';
import { withTenant } from '../../db/tenant-transaction';
import { ZCannedResponseCreateSchema, ZCannedResponseSchema, ZLabelCreateSchema, ZLabelSchema } from '../../domain/inbox';
import type { TRealtimePayload } from '../../domain/realtime';
import { ZIdParamSchema } from '../../domain/users';
import { publishEvent } from '../../infra/realtime/publish-event';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';
import { deleteCannedResponse, insertCannedResponse, listCannedResponses, updateCannedResponse } from '../../db/inbox/canned-responses';
import { deleteLabel, insertLabel, listLabels } from '../../db/inbox/labels';
import { toCannedResponseView } from './canned-responses';

/**
 * The inbox's shared tools. Any member may add and edit canned responses (agents write them as they
 * work, as in Chatwoot) and create labels; deleting a label takes it off every conversation, so only
 * admins may.
 */
export function registerInboxSettingsRoutes(routes: RouteRegistry, deps: ApiDeps): void {
  const tenantTx = <T>(tenantId: string, work: Parameters<typeof withTenant<T>>[2]) => withTenant(deps.db.app, tenantId, work);
  // After the commit, so an inbox that re-reads on the event sees the change.
  const announce: Announce = (tenantId, event) => publishEvent(deps.db.system, { tenantId, ...event }, deps.redis).then(() => undefined);
  registerCannedResponseRoutes(routes, tenantTx, announce);
  registerLabelRoutes(routes, tenantTx, announce);
}

type TenantTx = <T>(tenantId: string, work: Parameters<typeof withTenant<T>>[2]) => Promise<T>;
type Announce = (
  tenantId: string,
  event: { event: 'label.changed'; payload: TRealtimePayload<'label.changed'> } | { event: 'canned_response.changed'; payload: TRealtimePayload<'canned_response.changed'> },
) => Promise<void>;

function registerCannedResponseRoutes(routes: RouteRegistry, tenantTx: TenantTx, announce: Announce): void {
  const changed = (tenantId: string, cannedResponseId: string, change: TRealtimePayload<'canned_response.changed'>['change']) =>
    announce(tenantId, { event: 'canned_response.changed', payload: { cannedResponseId, change } });
  const tag = 'canned responses';
  routes.add(
    { method: 'get', path: '/canned-responses', tag, summary: 'Canned responses, by shortcut', access: 'user', response: z.object({ data: z.array(ZCannedResponseSchema) }) },
    async ({ auth }) => ({ data: (await tenantTx(auth.tenantId, listCannedResponses)).map(toCannedResponseView) }),
  );
  routes.add(
    {
      method: 'post',
      path: '/canned-responses',
      tag,
      summary: 'Add a canned response (409 when the shortcut is taken)',
      errors: ['conflict'],
      access: 'user',
      body: ZCannedResponseCreateSchema,
      response: ZCannedResponseSchema,
      status: 201,
    },
    async ({ auth, body }) => {
      const created = await tenantTx(auth.tenantId, (trx) => insertCannedResponse(trx, auth.tenantId, body));
      await changed(auth.tenantId, created.id, 'created');
      return toCannedResponseView(created);
    },
  );
  routes.add(
    {
      method: 'put',
      path: '/canned-responses/:id',
      tag,
      summary: "Replace a canned response's shortcut and text",
      errors: ['conflict'],
      access: 'user',
      params: ZIdParamSchema,
      body: ZCannedResponseCreateSchema,
      response: ZCannedResponseSchema,
    },
    async ({ auth, params, body }) => {
      const updated = await tenantTx(auth.tenantId, (trx) => updateCannedResponse(trx, params.id, body));
      await changed(auth.tenantId, updated.id, 'updated');
      return toCannedResponseView(updated);
    },
  );
  routes.add(
    { method: 'delete', path: '/canned-responses/:id', tag, summary: 'Delete a canned response', access: 'user', params: ZIdParamSchema, status: 204 },
    async ({ auth, params }) => {
      await tenantTx(auth.tenantId, (trx) => deleteCannedResponse(trx, params.id));
      await changed(auth.tenantId, params.id, 'deleted');
    },
  );
}

function registerLabelRoutes(routes: RouteRegistry, tenantTx: TenantTx, announce: Announce): void {
  const changed = (tenantId: string, labelId: string, change: TRealtimePayload<'label.changed'>['change']) =>
    announce(tenantId, { event: 'label.changed', payload: { labelId, change } });
  const tag = 'labels';
  routes.add(
    { method: 'get', path: '/labels', tag, summary: "The workspace's conversation labels, by name", access: 'user', response: z.object({ data: z.array(ZLabelSchema) }) },
    async ({ auth }) => ({ data: await tenantTx(auth.tenantId, listLabels) }),
  );
  routes.add(
    {
      method: 'post',
      path: '/labels',
      tag,
      summary: 'Create a label (409 when the name is taken, whatever its case)',
      errors: ['conflict'],
      access: 'user',
      body: ZLabelCreateSchema,
      response: ZLabelSchema,
      status: 201,
    },
    async ({ auth, body }) => {
      const label = await tenantTx(auth.tenantId, (trx) => insertLabel(trx, auth.tenantId, body));
      await changed(auth.tenantId, label.id, 'created');
      return label;
    },
  );
  routes.add(
    { method: 'delete', path: '/labels/:id', tag, summary: 'Delete a label and take it off every conversation (admins)', access: 'admin', params: ZIdParamSchema, status: 204 },
    async ({ auth, params }) => {
      await tenantTx(auth.tenantId, (trx) => deleteLabel(trx, params.id));
      await changed(auth.tenantId, params.id, 'deleted');
    },
  );
}
