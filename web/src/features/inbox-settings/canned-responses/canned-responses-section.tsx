import { useState } from 'react';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { CannedResponseForm } from './canned-response-form';
import { CannedResponsesTable } from './canned-responses-table';
import { useCannedResponses } from './use-canned-responses';
import './canned-responses.css';

/** Settings → Canned responses: the replies agents insert with "/" in the inbox. */
export function CannedResponsesSection() {
  const canned = useCannedResponses();
  const [rowError, setRowError] = useState<string | null>(null);
  return (
    <div className="stack" data-testid="canned-responses-section">
      <section className="card card--flat">
        <h2 className="card__title">New canned response</h2>
        <CannedResponseForm onSaved={canned.upsert} />
      </section>
      <section className="card card--flat">
        <h2 className="card__title">Canned responses</h2>
        {rowError ? <Alert>{rowError}</Alert> : null}
        {canned.error ? (
          <Alert title="Could not load the canned responses">
            {canned.error}{' '}
            <Button variant="ghost" size="sm" onClick={() => void canned.reload()}>
              Try again
            </Button>
          </Alert>
        ) : null}
        <CannedResponsesTable items={canned.items} onSaved={canned.upsert} onDeleted={canned.remove} onError={setRowError} />
        {!canned.loading && !canned.error && canned.items.length === 0 ? (
          <p className="muted" data-testid="canned-empty">
            None yet. Add the answers your team types most.
          </p>
        ) : null}
        {canned.loading ? <p className="muted">Loading…</p> : null}
      </section>
    </div>
  );
}
