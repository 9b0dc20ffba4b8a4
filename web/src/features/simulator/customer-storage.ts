import { pickCustomerName } from './customer-names';

/** The simulated customer and their side of each chat, kept in localStorage so a reload keeps both. */

export interface Customer {
  phone: string;
  name: string;
}

/** A message the customer sent; `delivered` once the app answered the signed webhook with 2xx. */
export interface CustomerBubble {
  id: string;
  at: number;
  text: string;
  state: 'sending' | 'delivered' | 'failed';
  error?: string;
  /** The business message this answers (a tapped button or list row). */
  quote?: string;
  /** A photo's file name; its preview (`imageUrl`) lives only in memory, a blob: URL does not survive a reload. */
  attachment?: string;
  imageUrl?: string;
}

export const E164 = /^\+[1-9]\d{7,14}$/;
const CUSTOMER_KEY = 'aerostic.simulator.customer';
const RECENT_KEY = 'aerostic.simulator.recent';
const MAX_RECENT = 6;
const MAX_THREAD = 200;

function read<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the simulator still works for this visit.
  }
}

export const digitsOf = (phone: string) => phone.replace(/\D/g, '');

/** A new customer whose name is not the current one's (`current`, else the saved one) nor a recent one's. */
/** Names "Random customer" handed out on this page, so clicking it again and again never comes back to one. */
const offered: string[] = [];
const MAX_OFFERED = 64;

export function randomCustomer(current = read<Partial<Customer>>(CUSTOMER_KEY, {}).name): Customer {
  const digits = Array.from({ length: 8 }, () => Math.floor(Math.random() * 10)).join('');
  const taken = [...recentCustomers().map((c) => c.name), ...(current ? [current] : []), ...offered];
  const name = pickCustomerName(taken);
  offered.unshift(name);
  offered.length = Math.min(offered.length, MAX_OFFERED);
  return { phone: `+9198${digits}`, name };
}

export function loadCustomer(): Customer {
  const saved = read<Partial<Customer>>(CUSTOMER_KEY, {});
  return typeof saved.phone === 'string' && E164.test(saved.phone) ? { phone: saved.phone, name: saved.name ?? '' } : randomCustomer();
}

export function saveCustomer(customer: Customer): void {
  write(CUSTOMER_KEY, customer);
}

/** Customers who wrote something, for switching back to their chat. */
export function rememberCustomer(customer: Customer): void {
  const recent = read<Customer[]>(RECENT_KEY, []).filter((c) => c.phone !== customer.phone);
  write(RECENT_KEY, [customer, ...recent].slice(0, MAX_RECENT));
}

export function recentCustomers(): Customer[] {
  return read<Customer[]>(RECENT_KEY, []).filter((c) => typeof c.phone === 'string' && E164.test(c.phone));
}

const threadKey = (phoneNumberId: string, phone: string) => `aerostic.simulator.thread:${phoneNumberId}:${digitsOf(phone)}`;

export function loadThread(phoneNumberId: string, phone: string): CustomerBubble[] {
  // A send cut short by a reload never got its answer.
  return read<CustomerBubble[]>(threadKey(phoneNumberId, phone), []).map((b) => (b.state === 'sending' ? { ...b, state: 'failed', error: 'Interrupted by a reload' } : b));
}

export function saveThread(phoneNumberId: string, phone: string, bubbles: CustomerBubble[]): void {
  write(
    threadKey(phoneNumberId, phone),
    bubbles.slice(-MAX_THREAD).map(({ imageUrl: _url, ...bubble }) => bubble),
  );
}
