import type { TWhatsappAccount } from '../../domain/whatsapp';
import { BaseModel } from './base-model';

export class WhatsappAccount extends BaseModel {
  static tableName = 'whatsapp_accounts';

  id!: string;
  tenantId!: string;
  wabaId!: string;
  phoneNumberId!: string;
  displayPhoneNumber!: string;
  verifiedName!: string | null;
  status!: TWhatsappAccount['status'];
  qualityRating!: string | null;
  isDefault!: boolean;
  accessTokenCiphertext!: string;
  accessTokenKeyId!: string;
  tokenExpiresAt!: Date | null;
  createdAt!: Date;
  updatedAt!: Date;
}

/** The account as the API shows it: never the token. */
export function toWhatsappAccount(row: WhatsappAccount): TWhatsappAccount {
  return {
    id: row.id,
    wabaId: row.wabaId,
    phoneNumberId: row.phoneNumberId,
    displayPhoneNumber: row.displayPhoneNumber,
    verifiedName: row.verifiedName,
    status: row.status,
    qualityRating: row.qualityRating,
    isDefault: row.isDefault,
  };
}
