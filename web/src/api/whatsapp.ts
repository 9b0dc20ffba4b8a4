import { ZEmbeddedStartResponseSchema, ZWhatsappAccountSchema, ZWhatsappMeResponseSchema, type TCloudInit, type TWhatsappAccount } from '@domain/whatsapp';
import { apiClient } from './client';

export async function fetchWhatsappAccounts(): Promise<TWhatsappAccount[]> {
  return (await apiClient.get('/whatsapp/me', ZWhatsappMeResponseSchema)).accounts;
}

/** The Meta dialog URL for Embedded Signup (its state is valid 10 minutes, once). */
export async function startEmbeddedSignup(): Promise<string> {
  return (await apiClient.get('/whatsapp/embedded/start', ZEmbeddedStartResponseSchema)).url;
}

export function initCloudNumber(body: TCloudInit): Promise<TWhatsappAccount> {
  return apiClient.post('/whatsapp/cloud/init', body, ZWhatsappAccountSchema);
}

export function setDefaultWhatsappAccount(id: string): Promise<TWhatsappAccount> {
  return apiClient.post(`/whatsapp/accounts/${encodeURIComponent(id)}/default`, undefined, ZWhatsappAccountSchema);
}
