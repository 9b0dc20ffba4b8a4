import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Who may drive a simulator's `/_sim` control routes: the bearer of the token, from these browser origins. */
export interface ControlAccess {
  token: string;
  /** Browser origins allowed by CORS (the web app's). Requests without an Origin (scripts, the API) need only the token. */
  allowedOrigins: string[];
}

export const CONTROL_TOKEN_HEADER = 'x-sandbox-control-token';

export function controlAccessOf(given: ControlAccess | undefined): ControlAccess {
  return given ?? { token: randomBytes(24).toString('base64url'), allowedOrigins: [] };
}

export type ControlVerdict = { allowed: true; headers: Record<string, string> } | { allowed: false; status: 401 | 403; message: string; headers: Record<string, string> };

/**
 * The one decision for every simulator: CORS headers only for an allowed origin (never `*`), a
 * refusal for any other origin — a simple cross-site POST runs even when its answer is unreadable —
 * and the control token on everything but the preflight.
 */
export function checkControl(access: ControlAccess, request: { method: string; origin?: string; token?: string }): ControlVerdict {
  const originAllowed = request.origin !== undefined && access.allowedOrigins.includes(request.origin);
  const headers: Record<string, string> = originAllowed
    ? {
        'access-control-allow-origin': request.origin!,
        'access-control-allow-headers': `content-type, ${CONTROL_TOKEN_HEADER}`,
        'access-control-allow-methods': 'GET,POST,PUT,DELETE,OPTIONS',
        vary: 'Origin',
      }
    : { vary: 'Origin' };
  if (request.origin !== undefined && !originAllowed) return { allowed: false, status: 403, message: `Origin ${request.origin} may not drive the simulator`, headers };
  if (request.method === 'OPTIONS') return { allowed: true, headers };
  if (!request.token || !tokenMatches(request.token, access.token)) {
    return { allowed: false, status: 401, message: `The simulator's control routes need the ${CONTROL_TOKEN_HEADER} header`, headers };
  }
  return { allowed: true, headers };
}

function tokenMatches(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
