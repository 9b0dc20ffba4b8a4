import type { TInboxMessage } from '@domain/inbox';

/** Oldest first, as a chat reads; ties (same millisecond) by id so the order never flickers. */
function chronological(a: TInboxMessage, b: TInboxMessage): number {
  return a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt < b.createdAt ? -1 : 1;
}

/** The thread with a page of messages merged in: newer reads of a message (its status) replace older ones. */
export function mergeMessages(current: TInboxMessage[], page: TInboxMessage[]): TInboxMessage[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of page) byId.set(m.id, m);
  return [...byId.values()].sort(chronological);
}
