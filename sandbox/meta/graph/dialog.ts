import { newAuthCode, newDisplayNumber, newGraphId, nowSeconds } from '../state/ids';
import { param, type SimDeps, type SimRouteContext, type SimRouter } from './context';

const CODE_TTL_SECONDS = 10 * 60;
const PASSTHROUGH = ['client_id', 'redirect_uri', 'state', 'config_id', 'response_type', 'sim_omit_ids'];

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;background:#f0f2f5;margin:0;display:flex;justify-content:center;padding:48px 16px}main{background:#fff;border-radius:8px;box-shadow:0 1px 3px #0003;padding:24px;max-width:420px;width:100%}
h1{font-size:20px;margin:0 0 8px}p{color:#444}label{display:block;margin:12px 0 4px;font-size:14px}input[type=text]{width:100%;box-sizing:border-box;padding:8px;border:1px solid #ccd0d5;border-radius:6px}
.actions{display:flex;gap:8px;margin-top:20px}button{flex:1;padding:10px;border-radius:6px;border:0;font-size:15px;cursor:pointer}.approve{background:#1877f2;color:#fff}.cancel{background:#e4e6eb}.error{color:#b00020}</style>
</head><body><main>${body}</main></body></html>`;
}

/** Problems Facebook shows on the dialog itself rather than redirecting. */
function dialogProblem(deps: SimDeps, ctx: SimRouteContext): string | undefined {
  if (param(ctx, 'client_id') !== deps.config.appId) return 'Invalid App ID: the provided app ID does not look like a valid app ID.';
  const redirectUri = param(ctx, 'redirect_uri');
  if (!redirectUri || !/^https?:\/\//.test(redirectUri))
    return "URL Blocked: This redirect failed because the redirect URI is missing or not whitelisted in the app's Client OAuth Settings.";
  return undefined;
}

/** The Embedded Signup dialog (`/{version}/dialog/oauth`): approving creates a WABA and number and redirects with a code. */
export function registerDialogRoutes(router: SimRouter, deps: SimDeps): void {
  router.get('/:version/dialog/oauth', (ctx: SimRouteContext) => {
    ctx.type = 'text/html; charset=utf-8';
    const problem = dialogProblem(deps, ctx);
    if (problem) {
      ctx.status = 400;
      ctx.body = page('Error', `<h1>Sorry, something went wrong.</h1><p class="error" data-testid="dialog-error">${escapeHtml(problem)}</p>`);
      return;
    }
    const hidden = PASSTHROUGH.map((name) => [name, param(ctx, name)] as const)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value!)}">`)
      .join('');
    ctx.status = 200;
    ctx.body = page(
      `Connect ${deps.config.appName} to WhatsApp`,
      `
<h1>Connect your business to WhatsApp</h1>
<p><strong>${escapeHtml(deps.config.appName)}</strong> is requesting access to manage your WhatsApp Business account and send messages (whatsapp_business_management, whatsapp_business_messaging).</p>
<form method="post" action="/${escapeHtml(ctx.params.version)}/dialog/oauth/confirm">${hidden}
<label for="business_name">Business name</label><input type="text" id="business_name" name="business_name" data-testid="business-name" value="Sandbox Business">
<label for="phone_number">WhatsApp phone number</label><input type="text" id="phone_number" name="phone_number" data-testid="phone-number" value="+${newDisplayNumber()}">
<div class="actions"><button class="cancel" type="submit" name="decision" value="cancel" data-testid="cancel">Cancel</button>
<button class="approve" type="submit" name="decision" value="approve" data-testid="approve">Approve</button></div>
</form>`,
    );
  });

  router.post('/:version/dialog/oauth/confirm', (ctx: SimRouteContext) => {
    const problem = dialogProblem(deps, ctx);
    if (problem) {
      ctx.status = 400;
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = page('Error', `<p class="error" data-testid="dialog-error">${escapeHtml(problem)}</p>`);
      return;
    }
    const target = new URL(param(ctx, 'redirect_uri')!);
    const state = param(ctx, 'state');
    const redirect = () => {
      if (state !== undefined) target.searchParams.set('state', state);
      ctx.redirect(target.toString());
    };

    if (param(ctx, 'decision') !== 'approve') {
      target.searchParams.set('error', 'access_denied');
      target.searchParams.set('error_code', '200');
      target.searchParams.set('error_description', 'Permissions error');
      target.searchParams.set('error_reason', 'user_denied');
      return redirect();
    }

    const { store } = deps;
    const name = param(ctx, 'business_name')?.trim() || 'Sandbox Business';
    const waba = store.createWaba({ name });
    const phone = store.createPhone(waba.id, { displayPhoneNumber: param(ctx, 'phone_number') || undefined, verifiedName: name });
    const code = newAuthCode();
    store.codes.set(code, { code, redirectUri: param(ctx, 'redirect_uri')!, userId: newGraphId(), wabaIds: [waba.id], expiresAt: nowSeconds() + CODE_TTL_SECONDS, used: false });

    target.searchParams.set('code', code);
    // The FINISH event's ids; omitted on request so the app's discovery through debug_token is exercised.
    if (param(ctx, 'sim_omit_ids') !== '1') {
      target.searchParams.set('waba_id', waba.id);
      target.searchParams.set('phone_number_id', phone.id);
      target.searchParams.set('business_id', waba.businessId);
    }
    redirect();
  });
}
