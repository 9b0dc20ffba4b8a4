import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { AiSettingsForm } from './ai-settings-form';
import { useAiSettings } from './use-ai-settings';
import './ai-settings.css';

/** Settings → AI agent. */
export function AiSettingsSection() {
  const { state, retry } = useAiSettings();
  return (
    <div className="stack" data-testid="ai-settings-section">
      <section className="card card--flat">
        <h2 className="card__title">AI agent</h2>
        <p className="card__text">
          The AI answers inbound messages from your knowledge base when it is confident, and hands the conversation to your team when it is not, when the intent needs a person, or
          after its share of replies. It never sends templates.
        </p>
        {state.status === 'loading' ? <p className="muted">Loading settings…</p> : null}
        {state.status === 'error' ? (
          <Alert title="Could not load the AI settings">
            {state.message}{' '}
            <Button variant="ghost" size="sm" onClick={retry}>
              Try again
            </Button>
          </Alert>
        ) : null}
        {state.status === 'ready' ? <AiSettingsForm initial={state.settings} /> : null}
      </section>
    </div>
  );
}
