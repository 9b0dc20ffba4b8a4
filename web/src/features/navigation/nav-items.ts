import type { IconName } from '../../components/icon';

export interface NavItem {
  /** Path under /app. */
  path: string;
  label: string;
  icon: IconName;
  adminOnly?: boolean;
  /** Only where the server runs in sandbox mode. */
  sandboxOnly?: boolean;
  /** Not built yet: the sidebar marks it "soon" and the route is a placeholder page. */
  soon?: boolean;
  /** Shown on the placeholder page until the feature lands. */
  summary: string;
}

/** The app's sections, in sidebar order. Settings are for admins only; agents see billing read-only. */
export const navItems: readonly NavItem[] = [
  { path: 'inbox', label: 'Inbox', icon: 'inbox', summary: 'Answer customers in real time, take over from the AI, and leave notes for your team.' },
  { path: 'simulator', label: 'Phone simulator', icon: 'phone', sandboxOnly: true, summary: 'Play a customer on a simulated phone: write to your number and see the replies.' },
  { path: 'contacts', soon: true, label: 'Contacts', icon: 'contacts', summary: 'Every customer who wrote to you, with tags, custom fields, opt-outs and imports.' },
  { path: 'pipeline', soon: true, label: 'Pipeline', icon: 'pipeline', summary: 'Track deals stage by stage, straight from your WhatsApp conversations.' },
  { path: 'broadcasts', soon: true, label: 'Broadcasts', icon: 'broadcasts', summary: 'Send approved templates to a segment and watch delivery, reads and replies.' },
  { path: 'automations', soon: true, label: 'Automations', icon: 'automations', summary: 'Design flows visually: keywords, buttons, delays, conditions and hand-offs.' },
  { path: 'templates', soon: true, label: 'Templates', icon: 'templates', summary: 'Create message templates and follow their approval by Meta.' },
  { path: 'analytics', soon: true, label: 'Analytics', icon: 'analytics', summary: 'Messages, response times, campaign results and AI resolution at a glance.' },
  { path: 'settings', label: 'Settings', icon: 'settings', adminOnly: true, summary: 'Your team, WhatsApp numbers, AI agent and API keys.' },
  { path: 'billing', label: 'Billing', icon: 'billing', summary: 'Your plan, payments and invoices.' },
];

export function navItemsFor(role: string, sandbox = false): NavItem[] {
  return navItems.filter((item) => (role === 'admin' || !item.adminOnly) && (sandbox || !item.sandboxOnly));
}
