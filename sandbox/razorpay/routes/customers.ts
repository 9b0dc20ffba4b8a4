import type Router from '@koa/router';
import type { SimDeps } from '../deps';
import type { Customer } from '../entities';
import { badRequest } from '../errors';
import { collection, paginate, readBody, wire } from '../http';
import { newId } from '../ids';
import type { Store } from '../store';
import { nowSeconds } from '../time';
import { notesOf, optionalString, rejectExtraFields, type Body } from '../validate';

export function registerCustomerRoutes(router: Router, { store }: SimDeps): void {
  router.post('/v1/customers', async (ctx) => {
    const body = await readBody(ctx);
    rejectExtraFields(body, ['name', 'email', 'contact', 'fail_existing', 'gstin', 'notes']);
    const details = customerDetails(body);
    const existing = findExisting(store, details);
    if (existing) {
      // Only the string "0" returns the existing customer: integrators report the gateway ignores a numeric 0.
      if (body.fail_existing !== '0') throw badRequest('Customer already exists for the merchant', null);
      ctx.body = wire(existing);
      return;
    }
    const customer: Customer = { id: newId('cust'), entity: 'customer', ...details, notes: notesOf(body), created_at: nowSeconds() };
    store.customers.set(customer.id, customer);
    ctx.body = wire(customer);
  });

  router.get('/v1/customers', (ctx) => {
    ctx.body = collection(paginate(store.customers.values(), ctx.query));
  });

  router.get('/v1/customers/:id', (ctx) => {
    ctx.body = wire(store.customer(ctx.params.id));
  });

  router.put('/v1/customers/:id', async (ctx) => {
    const customer = store.customer(ctx.params.id);
    const body = await readBody(ctx);
    rejectExtraFields(body, ['name', 'email', 'contact', 'gstin', 'notes']);
    const details = customerDetails(body);
    for (const key of ['name', 'email', 'contact', 'gstin'] as const) if (details[key] !== null) customer[key] = details[key];
    if (body.notes !== undefined) customer.notes = notesOf(body);
    ctx.body = wire(customer);
  });
}

type CustomerDetails = Pick<Customer, 'name' | 'email' | 'contact' | 'gstin'>;

function customerDetails(body: Body): CustomerDetails {
  const name = optionalString(body, 'name', 50);
  if (name !== null && name.length < 3) throw badRequest('The name must be at least 3 characters.', 'name');
  if (name !== null && !/^[A-Za-z0-9.)]([A-Za-z0-9 '\-._()@/]*[A-Za-z0-9.)])?$/.test(name)) throw badRequest('The name format is invalid.', 'name');
  const email = optionalString(body, 'email', 64);
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw badRequest('The email must be a valid email address.', 'email');
  const contact = optionalString(body, 'contact', 15);
  if (contact !== null && !/^\+?\d+$/.test(contact)) throw badRequest('Contact number contains invalid characters, only digits and + symbol are allowed.', 'contact');
  if (contact !== null && contact.replace('+', '').length < 8) throw badRequest('Contact number should be at least 8 digits, including country code', 'contact');
  const gstin = optionalString(body, 'gstin', 15);
  if (gstin !== null && !/^\d{2}[A-Z0-9]{13}$/i.test(gstin)) throw badRequest('The gstin field is invalid.', 'gstin');
  return { name, email, contact, gstin };
}

/** Razorpay treats a customer with the same email or the same contact as the same customer. */
function findExisting(store: Store, details: CustomerDetails): Customer | undefined {
  for (const customer of store.customers.values()) {
    if (details.email !== null && customer.email?.toLowerCase() === details.email.toLowerCase()) return customer;
    if (details.contact !== null && customer.contact === details.contact) return customer;
  }
  return undefined;
}
