import type { CannedResponse } from '../../db/inbox/canned-responses';
import type { TCannedResponse } from '../../domain/inbox';

/** SPEC §3 shape of a canned response. */
export const toCannedResponseView = (r: CannedResponse): TCannedResponse => ({ id: r.id, shortcut: r.shortcut, body: r.body, updatedAt: r.updatedAt.toISOString() });
