import type { Period } from './time';

export type Notes = Record<string, string | number>;

export interface PlanItem {
  id: string;
  active: boolean;
  name: string;
  description: string | null;
  amount: number;
  unit_amount: number;
  currency: string;
  type: 'plan';
  unit: null;
  tax_inclusive: boolean;
  hsn_code: null;
  sac_code: null;
  tax_rate: null;
  tax_id: null;
  tax_group_id: null;
  created_at: number;
  updated_at: number;
}

export interface Plan {
  id: string;
  entity: 'plan';
  interval: number;
  period: Period;
  item: PlanItem;
  notes: Notes;
  created_at: number;
}

export interface Customer {
  id: string;
  entity: 'customer';
  name: string | null;
  email: string | null;
  contact: string | null;
  gstin: string | null;
  notes: Notes;
  created_at: number;
}

export type SubscriptionStatus = 'created' | 'authenticated' | 'active' | 'pending' | 'halted' | 'cancelled' | 'completed' | 'expired' | 'paused';

export interface Subscription {
  id: string;
  entity: 'subscription';
  plan_id: string;
  customer_id: string | null;
  status: SubscriptionStatus;
  current_start: number | null;
  current_end: number | null;
  ended_at: number | null;
  quantity: number;
  notes: Notes;
  charge_at: number | null;
  start_at: number | null;
  end_at: number | null;
  auth_attempts: number;
  total_count: number;
  paid_count: number;
  customer_notify: boolean;
  created_at: number;
  expire_by: number | null;
  short_url: string;
  has_scheduled_changes: boolean;
  change_scheduled_at: number | null;
  source: 'api';
  offer_id: string | null;
  remaining_count: number;
  paused_at?: number;
  pause_initiated_by?: 'self';
}

export interface Addon {
  name: string;
  amount: number;
  currency: string;
}

export interface ScheduledChange {
  plan_id?: string;
  quantity?: number;
  remaining_count?: number;
}

/** A subscription plus what the simulator needs to drive it but Razorpay does not show. */
export interface SubscriptionRecord {
  entity: Subscription;
  addons: Addon[];
  cancelAtCycleEnd: boolean;
  scheduled: ScheduledChange | null;
  lastPaymentId: string | null;
  dueInvoiceId: string | null;
}

export interface Payment {
  id: string;
  entity: 'payment';
  amount: number;
  currency: string;
  status: 'captured' | 'failed' | 'refunded';
  order_id: string;
  invoice_id: string | null;
  international: boolean;
  method: 'card';
  amount_refunded: number;
  amount_transferred: number;
  refund_status: 'full' | null;
  captured: boolean;
  description: string | null;
  card_id: string;
  card: {
    id: string;
    entity: 'card';
    name: string;
    last4: string;
    network: string;
    type: 'credit';
    issuer: string;
    international: boolean;
    emi: boolean;
    expiry_month: number;
    expiry_year: number;
  };
  bank: null;
  wallet: null;
  vpa: null;
  email: string | null;
  contact: string | null;
  customer_id: string | null;
  token_id: string;
  notes: Notes;
  fee: number | null;
  tax: number | null;
  error_code: string | null;
  error_description: string | null;
  error_source: string | null;
  error_step: string | null;
  error_reason: string | null;
  acquirer_data: { auth_code: string | null };
  created_at: number;
}

export interface InvoiceLineItem {
  id: string;
  item_id: string | null;
  ref_id: null;
  ref_type: null;
  name: string;
  description: string | null;
  amount: number;
  unit_amount: number;
  gross_amount: number;
  tax_amount: number;
  taxable_amount: number;
  net_amount: number;
  currency: string;
  type: 'plan' | 'addon';
  tax_inclusive: boolean;
  hsn_code: null;
  sac_code: null;
  tax_rate: null;
  unit: null;
  quantity: number;
  taxes: [];
}

export interface Invoice {
  id: string;
  entity: 'invoice';
  receipt: null;
  invoice_number: null;
  customer_id: string | null;
  customer_details: {
    id: string | null;
    name: string | null;
    email: string | null;
    contact: string | null;
    gstin: string | null;
    billing_address: null;
    shipping_address: null;
    customer_name: string | null;
    customer_email: string | null;
    customer_contact: string | null;
  };
  order_id: string;
  subscription_id: string;
  line_items: InvoiceLineItem[];
  payment_id: string | null;
  status: 'issued' | 'paid';
  expire_by: null;
  issued_at: number;
  paid_at: number | null;
  cancelled_at: null;
  expired_at: null;
  sms_status: null;
  email_status: null;
  date: number;
  terms: null;
  partial_payment: boolean;
  gross_amount: number;
  tax_amount: number;
  taxable_amount: number;
  amount: number;
  amount_paid: number;
  amount_due: number;
  currency: string;
  currency_symbol: string;
  description: null;
  notes: Notes;
  comment: null;
  short_url: string;
  view_less: boolean;
  billing_start: number | null;
  billing_end: number | null;
  type: 'invoice';
  group_taxes_discounts: boolean;
  created_at: number;
  idempotency_key: null;
}
