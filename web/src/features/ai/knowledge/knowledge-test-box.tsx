import { useState, type FormEvent } from 'react';
import { ZKnowledgeSearchQuerySchema, type TKnowledgePassage } from '@domain/ai';
import { searchKnowledge } from '../../../api/ai';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/text-field';
import { describeError } from '../../forms/error-messages';
import { zodFieldErrors } from '../../forms/field-errors';

/** Ask what a customer would: the passages shown are what the AI would be given to answer from. */
export function KnowledgeTestBox() {
  const [q, setQ] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ q: string; passages: TKnowledgePassage[] } | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAlert(null);
    const parsed = ZKnowledgeSearchQuerySchema.safeParse({ q });
    if (!parsed.success) return setError(zodFieldErrors(parsed.error).q ?? 'Type a question.');
    setError(undefined);
    setBusy(true);
    try {
      setResult({ q: parsed.data.q, passages: await searchKnowledge(parsed.data.q, parsed.data.limit) });
    } catch (err) {
      setAlert(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack knowledge-test" data-testid="knowledge-test">
      <form className="form form--search" onSubmit={onSubmit} noValidate>
        <TextField
          name="knowledge-question"
          label="Customer question"
          value={q}
          error={error}
          onChange={(e) => setQ(e.target.value)}
          placeholder="e.g. Can I return a kurta after a week?"
        />
        <Button type="submit" variant="secondary" busy={busy} className="form__grid-button" data-testid="knowledge-test-submit">
          Test
        </Button>
      </form>
      {alert ? <Alert>{alert}</Alert> : null}
      {result && result.passages.length === 0 ? (
        <Alert tone="warning" testId="knowledge-test-empty">
          Nothing in the knowledge base matches “{result.q}”: the AI would hand this question to your team.
        </Alert>
      ) : null}
      {result && result.passages.length ? (
        <ol className="passages" data-testid="knowledge-passages">
          {result.passages.map((p, i) => (
            <li key={`${p.documentId}-${i}`} className="passage" data-testid="knowledge-passage">
              <p className="passage__source">
                <strong>{p.title}</strong> <span className="muted">· relevance {p.rank.toFixed(3)}</span>
              </p>
              <p className="passage__text">{p.content}</p>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
