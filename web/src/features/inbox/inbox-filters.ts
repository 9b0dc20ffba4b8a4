import type { TConversation, TConversationMode, TConversationStatus } from '@domain/inbox';
import type { ConversationQuery } from '../../api/conversations';

export type StatusTab = TConversationStatus;
export type Ownership = 'all' | 'mine' | 'unassigned';
export type ModeFilter = '' | TConversationMode;

export interface InboxFilters {
  status: StatusTab;
  ownership: Ownership;
  mode: ModeFilter;
  /** A label id, or '' for any. */
  label: string;
  q: string;
  /** Only the hand-offs waiting for people: pending, unassigned or mine (`status` is then ignored). */
  needsHuman: boolean;
}

export const defaultFilters: InboxFilters = { status: 'open', ownership: 'all', mode: '', label: '', q: '', needsHuman: false };

/** Agents start on what waits for them; admins on the whole open inbox. */
export const defaultFiltersFor = (role: string): InboxFilters => ({ ...defaultFilters, needsHuman: role === 'agent' });

export function toQuery(f: InboxFilters): ConversationQuery {
  return {
    status: f.needsHuman ? undefined : f.status,
    needsHuman: f.needsHuman || undefined,
    mode: f.mode || undefined,
    mine: f.ownership === 'mine' || undefined,
    unassigned: f.ownership === 'unassigned' || undefined,
    label: f.label || undefined,
    q: f.q.trim() || undefined,
  };
}

/**
 * Whether a conversation re-read after a live event belongs in the list as filtered. The search mirrors
 * the API's: the contact's name, or the last four digits of the phone.
 */
export function matchesFilters(c: TConversation, f: InboxFilters, userId: string): boolean {
  if (f.needsHuman ? c.status !== 'pending' || (c.assignedTo !== null && c.assignedTo !== userId) : c.status !== f.status) return false;
  if (f.mode && c.mode !== f.mode) return false;
  if (f.ownership === 'mine' && c.assignedTo !== userId) return false;
  if (f.ownership === 'unassigned' && c.assignedTo !== null) return false;
  if (f.label && !c.labels.some((l) => l.id === f.label)) return false;
  const q = f.q.trim().toLowerCase();
  if (q && !(c.contact.name ?? '').toLowerCase().includes(q) && !c.contact.phone.endsWith(q.slice(-4))) return false;
  return true;
}

/** Newest activity first, as the API orders them (ties by id, descending). */
export function byActivity(a: TConversation, b: TConversation): number {
  const at = (b.lastMessageAt ?? '').localeCompare(a.lastMessageAt ?? '');
  return at !== 0 ? at : b.id.localeCompare(a.id);
}
