import { BaseModel } from './base-model';

export class AuditLog extends BaseModel {
  static tableName = 'audit_logs';

  id!: string;
  tenantId!: string;
  actorUserId!: string | null;
  action!: string;
  targetType!: string | null;
  targetId!: string | null;
  metadata!: Record<string, unknown>;
  ip!: string | null;
  createdAt!: Date;
}
