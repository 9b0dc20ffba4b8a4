import { BaseModel } from './base-model';

export class Tenant extends BaseModel {
  static tableName = 'tenants';

  id!: string;
  name!: string;
  slug!: string;
  status!: 'active' | 'suspended';
  trialStartedAt!: Date;
  trialEndsAt!: Date;
  trialActive!: boolean;
  trialConvertedAt!: Date | null;
  trialExpiredAt!: Date | null;
  subscriptionStatus!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
}
