import { ConnectFailure } from './connect-failure';

export const REQUIRED_SCOPES = ['whatsapp_business_management', 'whatsapp_business_messaging'] as const;

export interface DebugTokenData {
  is_valid?: boolean;
  granular_scopes?: { scope: string; target_ids?: string[] }[];
}

/**
 * The WABA this token may both manage and message on. A scope without target_ids applies to every
 * asset (system-user tokens); otherwise the WABA must be a target of both scopes. Without a WABA
 * from the FINISH event, the newest granted one is used (debug_token lists the newest first).
 */
export function grantedWaba(data: DebugTokenData, requested?: string): string {
  if (data.is_valid === false) throw new ConnectFailure('token_invalid');
  let targets: string[] | 'any' = 'any';
  for (const scope of REQUIRED_SCOPES) {
    const grant = data.granular_scopes?.find((g) => g.scope === scope);
    if (!grant) throw new ConnectFailure('missing_permissions');
    if (grant.target_ids) targets = targets === 'any' ? grant.target_ids : targets.filter((id) => grant.target_ids!.includes(id));
  }
  if (requested) {
    if (targets !== 'any' && !targets.includes(requested)) throw new ConnectFailure('missing_permissions');
    return requested;
  }
  if (targets === 'any') throw new ConnectFailure('account_not_found');
  if (!targets.length) throw new ConnectFailure('missing_permissions');
  return targets[0];
}

/** The number to connect: the one named (it must belong to the WABA), else the WABA's first. */
export function chosenPhoneNumber(numbers: { id: string }[], requested?: string): string {
  if (requested) {
    if (!numbers.some((n) => n.id === requested)) throw new ConnectFailure('account_not_found');
    return requested;
  }
  if (!numbers.length) throw new ConnectFailure('no_phone_number');
  return numbers[0].id;
}
