import request from 'supertest';
import { conversationActor } from '../../actors/conversation';
import { newConversationSeed } from '../../domain/conversation';
import { AppError } from '../../domain/errors';
import type { TestApp } from '../support/harness';
import { bearer, type RegisteredTenant } from '../support/factories';
import { customerWaId } from '../support/whatsapp-factories';
import { startInboxWorld, stopInboxWorld } from './inbox-world';

let app: TestApp;
let tenant: RegisteredTenant;
let phoneNumberId: string;
beforeAll(async () => ({ app, tenant, phoneNumberId } = await startInboxWorld()));
afterAll(() => stopInboxWorld(app));

describe('the conversation actor client', () => {
  it("turns the command validator's not_found into a 404 AppError, and the refused command writes nothing", async () => {
    const phone = `+${customerWaId()}`;
    const actor = conversationActor({ temporal: app.temporal, config: app.config });
    // A contact who never wrote: the actor starts from an empty seed and its validator refuses the command.
    const refused = await actor.command({ tenantId: tenant.tenant.id, phoneNumberId, phone, seed: newConversationSeed }, { type: 'resolve' }).catch((err: unknown) => err);

    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'not_found', status: 404, message: 'This conversation does not exist yet' });
    const listed = await request(app.url).get('/conversations').set(bearer(tenant.accessToken)).expect(200);
    expect(listed.body.data.map((c: { contact: { phone: string } }) => c.contact.phone)).not.toContain(phone);
    const contacts = await app.db
      .system('contacts')
      .where({ tenant_id: tenant.tenant.id, phone_last4: phone.slice(-4) })
      .count<{ count: string }[]>('id as count');
    expect(Number(contacts[0].count)).toBe(0);
  });
});
