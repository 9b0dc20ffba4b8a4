import type { Customer, Invoice, Payment, Plan, SubscriptionRecord } from './entities';
import { badRequest, idDoesNotExist } from './errors';
import { isIdOf, type IdPrefix } from './ids';

/** Everything the simulator knows, in memory; lost when it stops. */
export class Store {
  readonly plans = new Map<string, Plan>();
  readonly customers = new Map<string, Customer>();
  readonly subscriptions = new Map<string, SubscriptionRecord>();
  readonly payments = new Map<string, Payment>();
  readonly invoices = new Map<string, Invoice>();

  plan(id: string, field = 'id'): Plan {
    return find(this.plans, 'plan', id, field);
  }

  customer(id: string, field = 'id'): Customer {
    return find(this.customers, 'cust', id, field);
  }

  subscription(id: string): SubscriptionRecord {
    return find(this.subscriptions, 'sub', id, 'id');
  }

  payment(id: string): Payment {
    return find(this.payments, 'pay', id, 'id');
  }

  invoice(id: string): Invoice {
    return find(this.invoices, 'inv', id, 'id');
  }
}

/** Razorpay tells a malformed id ("foo is not a valid id") apart from a well-formed unknown one (both 400). */
function find<T>(map: Map<string, T>, prefix: IdPrefix, id: string, field: string): T {
  if (!isIdOf(prefix, id)) throw badRequest(`${id} is not a valid id`, field);
  const found = map.get(id);
  if (!found) throw idDoesNotExist(field);
  return found;
}
