import { platformTemplates } from '../domain/platform-templates';
import { SANDBOX_PLATFORM_DISPLAY_NUMBER } from '../domain/sandbox';
import type { MetaSimulator } from './meta';

// Declared in domain/ because the API names the number too, and product code never imports sandbox/.
export { SANDBOX_PLATFORM_DISPLAY_NUMBER, SANDBOX_PLATFORM_PHONE_NUMBER_ID } from '../domain/sandbox';

/**
 * Sandbox mode: the platform's own WhatsApp number, in the Meta simulator, with its templates
 * submitted and approved through the Graph API as on Meta, so sign-up codes and trial reminders
 * travel the same path as in production (and the phone simulator can show them).
 */
export async function provisionPlatformNumber(meta: MetaSimulator, platform: { phoneNumberId: string; waToken: string }): Promise<void> {
  const account = meta.createAccount({
    phoneNumberId: platform.phoneNumberId,
    token: platform.waToken,
    displayPhoneNumber: SANDBOX_PLATFORM_DISPLAY_NUMBER,
    verifiedName: 'Aerostic',
    wabaName: 'Aerostic platform',
  });
  for (const template of Object.values(platformTemplates)) {
    const res = await fetch(`${meta.url}/${meta.graphVersion}/${account.wabaId}/message_templates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${platform.waToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(template),
    });
    if (!res.ok) throw new Error(`the Meta simulator refused the platform template ${template.name}: ${await res.text()}`);
  }
  await meta.idle();
}
