import type { TPlanId, TPlanLimits } from '../../domain/billing';
import { BaseModel } from './base-model';

export class Plan extends BaseModel {
  static tableName = 'plans';

  id!: TPlanId;
  name!: string;
  amount!: number;
  currency!: 'INR';
  period!: string;
  limits!: TPlanLimits;
  active!: boolean;
  sortOrder!: number;
}
