import type { Page } from 'playwright-core';

/** What the sign-up form asks for. */
export interface SignUpDetails {
  name: string;
  email: string;
  phone: string;
  workspace: string;
  password: string;
}

/** Fills the details step of /register (already open) and submits it. */
export async function submitSignUpDetails(page: Page, signup: SignUpDetails): Promise<void> {
  await page.getByTestId('name-input').fill(signup.name);
  await page.getByTestId('email-input').fill(signup.email);
  await page.getByTestId('phone-input').fill(signup.phone);
  await page.getByTestId('workspace-input').fill(signup.workspace);
  await page.getByTestId('password-input').fill(signup.password);
  await page.getByTestId('register-submit').click();
}

/** The Inbox from the navigation, with its socket joined: from here on updates arrive by themselves. */
export async function openInbox(page: Page, appUrl: string): Promise<void> {
  await page.getByTestId('nav-inbox').click();
  await page.waitForURL(`${appUrl}/app/inbox`);
  await page.locator('[data-testid=realtime-status][data-state=live]').waitFor();
}
