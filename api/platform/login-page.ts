import type { AppConfig } from '../../config';

/**
 * Temporal UI can send the codec endpoint cookies but not a token of ours, so an admin signs in here,
 * in the browser, to get the cookie. The script is a separate file because the CSP forbids inline ones.
 */
export function renderPlatformLoginPage(config: AppConfig): string {
  const codecEndpoint = escapeHtml(`${config.publicUrl}/codec`);
  const uiUrl = escapeHtml(config.temporal.uiUrl);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Aerostic platform admin</title><script src="/admin/login.js" defer></script>
<style>body{font:15px system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}label,input,button,textarea{display:block;width:100%;margin:.3rem 0}textarea{height:6rem}</style></head>
<body>
<h1>Platform admin sign-in</h1>
<p>Signs you in to the codec endpoint <code>${codecEndpoint}</code>, which decrypts workflow payloads for
<a href="${uiUrl}">Temporal UI</a>. In the UI's Codec Server settings choose “Use my browser setting”, enter that
endpoint and tick “Include cross-origin credentials”.</p>
<form>
<label>Email <input name="email" type="email" autocomplete="username" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>
<p id="result" role="status"></p>
<label hidden>Access token (for <code>temporal workflow show --codec-auth "Bearer …"</code>) <textarea id="token" readonly></textarea></label>
</body>
</html>`;
}

export const platformLoginScript = `document.querySelector('form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const result = document.getElementById('result');
  const res = await fetch('/admin/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: form.email.value, password: form.password.value }),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    result.textContent = (body.error && body.error.message) || 'Sign-in failed';
    return;
  }
  form.password.value = '';
  result.textContent = 'Signed in until ' + new Date(body.expiresAt).toLocaleTimeString() + '. Reload the workflow in Temporal UI.';
  const token = document.getElementById('token');
  token.value = body.accessToken;
  token.parentElement.hidden = false;
});
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
