import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { TextField } from '../components/text-field';
import { OutboxList } from '../features/sandbox/outbox-list';
import { useOutbox } from '../features/sandbox/use-outbox';
import '../features/sandbox/sandbox.css';

function OutboxMessages({ to }: { to: string }) {
  const { state, reload } = useOutbox(to);
  if (state.status === 'loading') return <p className="muted">Loading…</p>;
  if (state.status === 'not-sandbox') return <Alert tone="info">The outbox exists only when Aerostic runs in sandbox mode; messages here are really sent.</Alert>;
  if (state.status === 'error') return <Alert>{state.message}</Alert>;
  return (
    <>
      <OutboxList messages={state.messages} />
      <div>
        <Button variant="ghost" size="sm" onClick={reload} data-testid="outbox-reload">
          Check again
        </Button>
      </div>
    </>
  );
}

/**
 * Sandbox mode: what the platform "sent" to a phone or an email (codes, reminders, verification and
 * reset links), opened from the code step or the start banner's /sandbox/outbox link.
 */
export function SandboxOutboxPage() {
  const [params, setParams] = useSearchParams();
  const to = params.get('to')?.trim() ?? '';
  const [draft, setDraft] = useState(to);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (draft.trim()) setParams({ to: draft.trim() });
  }

  return (
    <main className="outbox" data-testid="outbox-page">
      <title>Sandbox outbox · Aerostic</title>
      <header className="outbox__header">
        <span className="sandbox-tag">Sandbox</span>
        <h1>Outbox</h1>
      </header>
      <p className="muted">
        In sandbox mode nothing leaves this machine: the codes, reminders and account emails Aerostic would send are kept here instead. <Link to="/app">Back to Aerostic</Link>
      </p>
      <form className="outbox__lookup" onSubmit={onSubmit}>
        <TextField name="to" label="Phone (+91…) or email" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <Button type="submit" variant="secondary" disabled={!draft.trim()}>
          Show
        </Button>
      </form>
      {to ? <OutboxMessages key={to} to={to} /> : null}
    </main>
  );
}
