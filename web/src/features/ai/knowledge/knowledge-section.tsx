import { useState } from 'react';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { KnowledgeForm } from './knowledge-form';
import { KnowledgeTable } from './knowledge-table';
import { KnowledgeTestBox } from './knowledge-test-box';
import { useKnowledgeDocuments } from './use-knowledge-documents';
import './knowledge.css';

/** Settings → Knowledge base: what the AI may quote, and a way to see what it would find. */
export function KnowledgeSection() {
  const docs = useKnowledgeDocuments();
  const [rowError, setRowError] = useState<string | null>(null);
  return (
    <div className="stack" data-testid="knowledge-section">
      <section className="card card--flat">
        <h2 className="card__title">Add a document</h2>
        <p className="card__text">The AI answers only from these documents. Keep them short and factual: opening hours, prices, policies, FAQs.</p>
        <KnowledgeForm onAdded={docs.add} />
      </section>
      <section className="card card--flat">
        <h2 className="card__title">Documents</h2>
        {rowError ? <Alert>{rowError}</Alert> : null}
        {docs.error ? (
          <Alert title="Could not load the knowledge base">
            {docs.error}{' '}
            <Button variant="ghost" size="sm" onClick={() => void docs.reload()}>
              Try again
            </Button>
          </Alert>
        ) : null}
        {docs.documents.length ? <KnowledgeTable documents={docs.documents} onDeleted={docs.remove} onError={setRowError} /> : null}
        {!docs.loading && !docs.error && docs.documents.length === 0 ? (
          <p className="muted" data-testid="knowledge-empty">
            No documents yet.
          </p>
        ) : null}
        {docs.loading ? <p className="muted">Loading documents…</p> : null}
      </section>
      <section className="card card--flat">
        <h2 className="card__title">Test a question</h2>
        <KnowledgeTestBox />
      </section>
    </div>
  );
}
