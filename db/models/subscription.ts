import type { TPlanId, TSubscriptionStatus } from '../../domain/billing';
import { BaseModel } from './base-model';

export class Subscription extends BaseModel {
  static tableName = 'subscriptions';

  id!: string;
  tenantId!: string;
  planId!: TPlanId;
  status!: TSubscriptionStatus;
  razorpaySubscriptionId!: string;
  razorpayCustomerId!: string;
  shortUrl!: string | null;
  currentPeriodStart!: Date | null;
  currentPeriodEnd!: Date | null;
  cancelAtCycleEnd!: boolean;
  graceEndsAt!: Date | null;
  paidCount!: number;
  createdAt!: Date;
  updatedAt!: Date;
}
