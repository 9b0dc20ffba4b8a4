/** The login page with the address filled in (`/login?email=`), for "Log in instead" links. */
export function loginLink(email: string): string {
  const trimmed = email.trim();
  return trimmed ? `/login?email=${encodeURIComponent(trimmed)}` : '/login';
}

/** The address a "Log in instead" link carried, if any. */
export function emailFromLoginLink(search: string): string {
  return new URLSearchParams(search).get('email')?.trim() ?? '';
}
