import type { Knex } from 'knex';
import type { Insertable, Writable } from '../row-types';

/** A `conversation_notes` row: a private note for the team, never sent to the customer. */
export interface NoteRow {
  id: string;
  tenant_id: string;
  conversation_id: string;
  author_id: string | null;
  body: string;
  created_at: Date;
}

declare module 'knex/types/tables' {
  interface Tables {
    conversation_notes: Knex.CompositeTableType<NoteRow, Insertable<NoteRow, 'id' | 'tenant_id' | 'conversation_id' | 'body'>, Writable<NoteRow>>;
  }
}

export interface Note {
  id: string;
  conversationId: string;
  authorId: string | null;
  authorName: string | null;
  body: string;
  createdAt: Date;
}

type NoteWithAuthor = Pick<NoteRow, 'id' | 'conversation_id' | 'author_id' | 'body' | 'created_at'> & { author_name: string | null };

const toNote = (row: NoteWithAuthor): Note => ({
  id: row.id,
  conversationId: row.conversation_id,
  authorId: row.author_id,
  authorName: row.author_name ?? null,
  body: row.body,
  createdAt: row.created_at,
});

function notesWithAuthor(trx: Knex): Knex.QueryBuilder<object, NoteWithAuthor[]> {
  return trx('conversation_notes as n')
    .leftJoin('users as u', 'u.id', 'n.author_id')
    .select('n.id', 'n.conversation_id', 'n.author_id', 'n.body', 'n.created_at', 'u.name as author_name');
}

/** Oldest first. */
export async function listNotes(trx: Knex, conversationId: string): Promise<Note[]> {
  return ((await notesWithAuthor(trx).where('n.conversation_id', conversationId).orderBy('n.created_at')) as NoteWithAuthor[]).map(toNote);
}

export async function findNote(trx: Knex, id: string): Promise<Note | undefined> {
  const row: NoteWithAuthor | undefined = await notesWithAuthor(trx).where('n.id', id).first();
  return row && toNote(row);
}

/** Keyed by the id the API gave it, so a retried write adds it once. */
export async function insertNote(trx: Knex, note: { id: string; tenantId: string; conversationId: string; authorId: string; body: string }): Promise<void> {
  await trx('conversation_notes')
    .insert({ id: note.id, tenant_id: note.tenantId, conversation_id: note.conversationId, author_id: note.authorId, body: note.body })
    .onConflict('id')
    .ignore();
}
