import type Redis from 'ioredis';
import type Razorpay from 'razorpay';
import type { AppConfig } from '../../config';
import type { Database } from '../../db/connection';

export interface BillingDeps {
  db: Database;
  razorpay: Razorpay;
  razorpayConfig: AppConfig['razorpay'];
  /** The realtime bus (Postgres NOTIFY without it). */
  redis?: Redis;
}
