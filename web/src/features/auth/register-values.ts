export interface RegisterValues {
  name: string;
  email: string;
  phone: string;
  workspace: string;
  password: string;
}

export const registerFields = ['name', 'email', 'phone', 'workspace', 'password'] as const;

export const emptyRegisterValues: RegisterValues = { name: '', email: '', phone: '', workspace: '', password: '' };

/** People type "+91 98123-45678"; the API wants E.164 ("+919812345678"). */
export function normalizePhone(input: string): string {
  const compact = input.replace(/[\s\-().]/g, '');
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}
