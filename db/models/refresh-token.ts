import { BaseModel } from './base-model';

export class RefreshToken extends BaseModel {
  static tableName = 'refresh_tokens';

  id!: string;
  tenantId!: string;
  userId!: string;
  familyId!: string;
  tokenHash!: string;
  expiresAt!: Date;
  rotatedAt!: Date | null;
  replacedBy!: string | null;
  revokedAt!: Date | null;
  revokedReason!: string | null;
  createdAt!: Date;
}
