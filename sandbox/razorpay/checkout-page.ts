import type { Plan, Subscription } from './entities';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function formatAmount(paise: number, currency: string): string {
  return new Intl.NumberFormat('en-IN', { style: 'currency', currency }).format(paise / 100);
}

function cadence(plan: Plan): string {
  const unit = { daily: 'day', weekly: 'week', monthly: 'month', quarterly: 'quarter', yearly: 'year' }[plan.period];
  return plan.interval === 1 ? `per ${unit}` : `every ${plan.interval} ${unit}s`;
}

export const PAYABLE_STATUSES: ReadonlySet<string> = new Set(['created', 'pending', 'halted']);

/** The hosted page standing in for Razorpay Checkout: what is due, and a Pay and a Fail button. */
/** `firstChargeAt` (unix seconds): the subscription starts later, so what is due now only authorises the card and is refunded. */
export function renderCheckoutPage(sub: Subscription, plan: Plan, amountDue: number, redirect: string | null, firstChargeAt: number | null = null): string {
  const hidden = redirect ? `<input type="hidden" name="redirect" value="${escape(redirect)}">` : '';
  const actions = PAYABLE_STATUSES.has(sub.status)
    ? `<form method="post" action="/checkout/${sub.id}/pay">${hidden}<button id="pay" data-testid="pay" type="submit">Pay</button></form>
       <form method="post" action="/checkout/${sub.id}/fail">${hidden}<button id="fail" data-testid="fail" type="submit" class="secondary">Fail</button></form>`
    : `<p data-testid="status-message">This subscription is ${escape(sub.status)}; there is nothing to pay.</p>`;
  return layout(
    `Pay for ${plan.item.name}`,
    `<p class="badge">Razorpay sandbox: no real money moves</p>
     <h1 data-testid="plan-name">${escape(plan.item.name)}</h1>
     <p class="amount" data-testid="amount">${escape(formatAmount(amountDue, plan.item.currency))}</p>
     ${firstChargeAt === null ? '' : `<p class="muted" data-testid="authorisation-note">Card authorisation, refunded at once. First charge on ${escape(formatDay(firstChargeAt))}.</p>`}
     <p class="muted">${escape(formatAmount(plan.item.amount * sub.quantity, plan.item.currency))} ${cadence(plan)}, ${sub.total_count} billing cycles</p>
     <p class="muted">Subscription <code data-testid="subscription-id">${sub.id}</code> (${escape(sub.status)})</p>
     <div class="actions">${actions}</div>`,
  );
}

function formatDay(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toLocaleDateString('en-IN', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function renderResultPage(title: string, message: string, links: Array<{ href: string; label: string; testId: string }>): string {
  const anchors = links.map((link) => `<a href="${escape(link.href)}" data-testid="${link.testId}">${escape(link.label)}</a>`).join(' ');
  return layout(title, `<h1>${escape(title)}</h1><p data-testid="result-message">${escape(message)}</p><p class="actions">${anchors}</p>`);
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; background: #f2f5fb; margin: 0; display: grid; place-items: center; min-height: 100vh; }
  main { background: #fff; border-radius: 12px; padding: 32px; width: min(420px, 90vw); box-shadow: 0 8px 24px rgba(0,0,0,.08); }
  .badge { background: #fff4d6; color: #7a5600; padding: 4px 8px; border-radius: 6px; font-size: 12px; display: inline-block; }
  .amount { font-size: 32px; font-weight: 700; margin: 8px 0; }
  .muted { color: #5b6476; font-size: 14px; }
  .actions { display: flex; gap: 12px; margin-top: 24px; }
  button, .actions a { font-size: 16px; padding: 10px 24px; border-radius: 8px; border: 0; background: #3395ff; color: #fff; cursor: pointer; text-decoration: none; }
  button.secondary { background: #e5484d; }
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}
