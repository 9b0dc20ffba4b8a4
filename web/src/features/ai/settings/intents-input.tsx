import { useId, useState, type KeyboardEvent } from 'react';
import { addIntent } from './ai-settings-values';

interface Props {
  value: string[];
  error?: string;
  onChange(value: string[]): void;
}

/** Intents as removable chips; Enter or a comma adds what was typed. */
export function IntentsInput({ value, error, onChange }: Props) {
  const id = useId();
  const [draft, setDraft] = useState('');

  const commit = () => {
    onChange(addIntent(value, draft));
    setDraft('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Backspace' && !draft && value.length) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        Always hand to a person when the intent is
      </label>
      <div className="intents-input">
        {value.map((intent) => (
          <span key={intent} className="intents-input__chip" data-testid="blocked-intent">
            {intent}
            <button type="button" aria-label={`Remove ${intent}`} onClick={() => onChange(value.filter((i) => i !== intent))}>
              ×
            </button>
          </span>
        ))}
        <input
          id={id}
          className="intents-input__input"
          value={draft}
          placeholder={value.length ? 'Add another…' : 'e.g. refund'}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={commit}
          aria-invalid={error ? true : undefined}
          data-testid="blocked-intents-input"
        />
      </div>
      {error ? (
        <p className="field__error" data-testid="blocked-intents-error">
          {error}
        </p>
      ) : (
        <p className="field__hint">The AI names the intent of every message; these always go to your team (refund, legal, complaint …).</p>
      )}
    </div>
  );
}
