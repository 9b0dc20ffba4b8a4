import { roles, type TRole } from '@domain/auth';

const labels: Record<TRole, string> = { admin: 'Admin', agent: 'Agent' };

export const roleOptions = roles.map((r) => ({ value: r, label: labels[r] }));

export function roleLabel(role: TRole): string {
  return labels[role];
}
