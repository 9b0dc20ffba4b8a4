import type { Knex } from 'knex';
import type { TKnowledgePassage } from '../../domain/ai';

/**
 * tsquery input syntax for one lexeme: quoted, so characters such as `:`, `&` or `|` inside a lexeme
 * (hosts, emails, paths) stay part of it instead of being read as operators.
 */
const quoteLexeme = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The passages of the tenant's knowledge base that best match a customer's question, best first.
 *
 * Any word of the question may match (OR): customers write full sentences, and an AND of every word
 * ("when are you open on saturday") would rarely match a document that answers it. The words are
 * stemmed and stop words dropped by the same `english` configuration that built the chunks' `search`
 * column, and the resulting lexemes are cast to a tsquery as they are (not stemmed a second time).
 * Run it inside the tenant's transaction: RLS limits it to that tenant's chunks.
 */
export async function searchKnowledge(trx: Knex, question: string, limit: number): Promise<TKnowledgePassage[]> {
  const { rows: lexemes } = await trx.raw<{ rows: { lexeme: string }[] }>("select lexeme from unnest(to_tsvector('english', ?))", [question]);
  if (lexemes.length === 0) return [];
  const query = lexemes.map((l) => quoteLexeme(l.lexeme)).join(' | ');

  const { rows } = await trx.raw<{ rows: { document_id: string; title: string; content: string; rank: number }[] }>(
    `select c.document_id, d.title, c.content, ts_rank_cd(c.search, q.query) as rank
       from knowledge_chunks c
       join knowledge_documents d on d.id = c.document_id,
            (select ?::tsquery as query) q
      where c.search @@ q.query
      order by rank desc, d.created_at desc, c.position
      limit ?`,
    [query, limit],
  );
  return rows.map((r) => ({ documentId: r.document_id, title: r.title, content: r.content, rank: Number(r.rank) }));
}
