import type { TRole } from '../../domain/auth';
import { BaseModel } from './base-model';

export class User extends BaseModel {
  static tableName = 'users';

  id!: string;
  tenantId!: string;
  email!: string;
  name!: string;
  /** Written before phones were sealed; new rows keep the phone only in `phoneCiphertext`. */
  phone!: string | null;
  phoneCiphertext!: string | null;
  phoneKeyId!: string | null;
  emailVerifiedAt!: Date | null;
  role!: TRole;
  status!: 'active' | 'invited' | 'deactivated';
  passwordHash!: string | null;
  inviteTokenHash!: string | null;
  inviteExpiresAt!: Date | null;
  invitedBy!: string | null;
  lastLoginAt!: Date | null;
  createdAt!: Date;
  updatedAt!: Date;
}
