import { decodeArrayFromPayloads } from '@temporalio/common/lib/internal-non-workflow';
import request from 'supertest';
import type { TWhatsappAccount } from '../../domain/whatsapp';
import type { TestApp } from '../support/harness';
import { bearer, type RegisteredTenant } from '../support/factories';

/** The test's browser: the connect cookie its latest signup start left (a later start replaces it, as in a browser). */
let browserCookie: string | undefined;

/** The connect secret the test's browser holds, for states a test signs itself. */
export const browserConnectSecret = (): string => browserCookie!.slice('aerostic_connect='.length);

/** Keeps the connect cookie of a /whatsapp/embedded/start answer, as the browser that asked would. */
export function browserReceived(setCookie: string | string[] | undefined): void {
  const cookie = ([] as string[]).concat(setCookie ?? []).find((c) => c.startsWith('aerostic_connect='));
  browserCookie = cookie?.split(';')[0];
}

/** The dialog URL from GET /whatsapp/embedded/start, with simulator switches added. */
export async function startSignup(app: TestApp, tenant: RegisteredTenant, extra: Record<string, string> = {}): Promise<URL> {
  const res = await request(app.url).get('/whatsapp/embedded/start').set(bearer(tenant.accessToken)).expect(200);
  browserReceived(res.headers['set-cookie']);
  const url = new URL(res.body.url);
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
  return url;
}

/** What the browser does in the popup: load Meta's dialog and submit it; returns the redirect to /meta/callback. */
export async function submitDialog(dialogUrl: URL, decision: 'approve' | 'cancel' = 'approve'): Promise<URL> {
  const page = await fetch(dialogUrl);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`dialog answered ${page.status}: ${html}`);
  const action = /<form method="post" action="([^"]+)"/.exec(html)![1];
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="(?:hidden|text)"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) {
    form.set(
      m[1],
      m[2].replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c))),
    );
  }
  form.set('decision', decision);
  const res = await fetch(new URL(action, dialogUrl), { method: 'POST', body: form, redirect: 'manual' });
  if (res.status !== 302) throw new Error(`dialog confirm answered ${res.status}`);
  return new URL(res.headers.get('location')!);
}

export interface CallbackResult {
  status: number;
  location: URL;
  body: string;
}

/**
 * Follows Meta's redirect to our callback, without following our redirect to the web app, from the
 * test's browser (its connect cookie sent) unless `from` says another browser.
 */
export async function followCallback(callbackUrl: URL, from: 'the test browser' | 'another browser' = 'the test browser'): Promise<CallbackResult> {
  const cookie = from === 'the test browser' ? browserCookie : undefined;
  const res = await fetch(callbackUrl, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  return { status: res.status, location: new URL(res.headers.get('location') ?? 'about:blank'), body: await res.text() };
}

export async function accountsOf(app: TestApp, tenant: RegisteredTenant): Promise<TWhatsappAccount[]> {
  return (await request(app.url).get('/whatsapp/me').set(bearer(tenant.accessToken)).expect(200)).body.accounts;
}

export async function storedRows(app: TestApp, tenantId: string) {
  return app.db.system('whatsapp_accounts').where({ tenant_id: tenantId }).orderBy('created_at');
}

export const settingsPage = (app: TestApp) => `${app.config.publicUrl}/app/settings/whatsapp`;

/** A workflow's history as stored (payloads encoded by the codec) and with its payloads decoded. */
export async function historyOf(app: TestApp, workflowId: string): Promise<{ stored: string; decoded: string }> {
  const history = await app.temporal.workflow.getHandle(workflowId).fetchHistory();
  const converter = app.temporal.options.loadedDataConverter;
  const decoded: unknown[] = [];
  for (const event of history.events ?? []) {
    const payloads =
      event.workflowExecutionStartedEventAttributes?.input?.payloads ??
      event.activityTaskScheduledEventAttributes?.input?.payloads ??
      event.activityTaskCompletedEventAttributes?.result?.payloads ??
      event.workflowExecutionCompletedEventAttributes?.result?.payloads;
    if (payloads) decoded.push(...(await decodeArrayFromPayloads(converter, payloads)));
  }
  return { stored: JSON.stringify(history), decoded: JSON.stringify(decoded) };
}
