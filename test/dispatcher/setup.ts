import { randomInt, randomUUID } from 'node:crypto';
import { createDispatcher, type DispatcherDeps, type DispatchInput } from '../../activities/meta/dispatch';
import { createGraphClient } from '../../integrations/meta/graph-client';
import { sealWhatsappToken } from '../../db/crypto/sealed-columns';
import { withTenant } from '../../db/tenant-transaction';
import type { TMessageContent } from '../../domain/messages';
import type { TestApp } from '../support/harness';

export async function createTenant(app: TestApp): Promise<string> {
  const tag = randomUUID().slice(0, 8);
  const [row] = await app.db
    .system('tenants')
    .insert({ name: `Dispatch ${tag}`, slug: `dispatch-${tag}`, trial_started_at: new Date(), trial_ends_at: new Date(Date.now() + 7 * 86_400_000) })
    .returning('id');
  return row.id;
}

/** A registered number in the simulator and its whatsapp_accounts row with the token sealed to the tenant. */
export async function connectNumber(app: TestApp, tenantId: string) {
  const account = app.meta.createAccount({ phoneNumberId: `${randomInt(100_000_000, 999_999_999)}${randomInt(100_000, 999_999)}` });
  const sealed = sealWhatsappToken(app.config.encryptionKeys, tenantId, account.token);
  await withTenant(app.db.app, tenantId, (trx) =>
    trx('whatsapp_accounts').insert({
      tenant_id: tenantId,
      waba_id: account.wabaId,
      phone_number_id: account.phoneNumberId,
      display_phone_number: account.displayPhoneNumber,
      access_token_ciphertext: sealed.ciphertext,
      access_token_key_id: sealed.keyId,
    }),
  );
  return account;
}

/** A queued outbound message, as the conversation workflow leaves it before dispatching. */
export async function queueMessage(
  app: TestApp,
  tenantId: string,
  phoneNumberId: string,
  content: TMessageContent = { type: 'text', text: { body: 'Your order shipped' } },
): Promise<DispatchInput> {
  const messageId = randomUUID();
  const createdAt = new Date();
  await withTenant(app.db.app, tenantId, (trx) =>
    trx('messages').insert({
      id: messageId,
      tenant_id: tenantId,
      conversation_id: randomUUID(),
      contact_id: randomUUID(),
      direction: 'outbound',
      type: content.type,
      content,
      status: 'queued',
      sender: 'agent',
      created_at: createdAt,
    }),
  );
  return { tenantId, messageId, messageCreatedAt: createdAt.toISOString(), phoneNumberId, to: `+9198${randomInt(10_000_000, 99_999_999)}`, content };
}

export function dispatcherFor(app: TestApp, overrides: Partial<DispatcherDeps> = {}) {
  return createDispatcher({ db: app.db, graph: createGraphClient(app.config.meta), encryptionKeys: app.config.encryptionKeys, ...overrides });
}

export async function ledgerOf(app: TestApp, input: DispatchInput) {
  const row = await withTenant(app.db.app, input.tenantId, (trx) => trx('message_sends').where({ message_id: input.messageId }).first());
  if (!row) throw new Error(`no ledger row for message ${input.messageId}`);
  return row;
}

export async function storedWamids(app: TestApp, input: DispatchInput) {
  return withTenant(app.db.app, input.tenantId, async (trx) => ({
    message: (await trx('messages').where({ id: input.messageId }).first('wa_message_id'))?.wa_message_id as string | null,
    index: (await trx('message_wa_ids').where({ message_id: input.messageId }).select('wa_message_id')).map((r) => r.wa_message_id as string),
    usage: Number((await trx('usage_events').where({ idempotency_key: input.messageId, kind: 'message_outbound' }).count({ n: '*' }))[0].n),
  }));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
