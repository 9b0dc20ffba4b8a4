import { useRef, useState, type KeyboardEvent } from 'react';
import type { TCannedResponse } from '@domain/inbox';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { useCannedResponses } from '../../inbox-settings/canned-responses/use-canned-responses';
import { describeError } from '../../forms/error-messages';
import { CannedPicker } from './canned-picker';
import { insertResponse, matchingResponses, slashTokenAt } from './canned-token';

/** Free text inside the 24-hour window. Enter sends, Shift+Enter breaks the line, "/" opens canned responses. */
export function TextComposer({ onSend }: { onSend(body: string): Promise<void> }) {
  const canned = useCannedResponses();
  const input = useRef<HTMLTextAreaElement>(null);
  const [value, setValue] = useState('');
  const [caret, setCaret] = useState(0);
  const [highlight, setHighlight] = useState({ query: '', index: 0 });
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const token = slashTokenAt(value, caret);
  const pickerOpen = token !== null && dismissedAt !== token.start;
  const matches = pickerOpen ? matchingResponses(canned.items, token.query) : [];
  const highlighted = token && highlight.query === token.query ? Math.min(highlight.index, Math.max(0, matches.length - 1)) : 0;

  const syncCaret = () => setCaret(input.current?.selectionStart ?? 0);

  function pick(response: TCannedResponse) {
    if (!token) return;
    const next = insertResponse(value, token, response.body);
    setValue(next.value);
    setCaret(next.caret);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(next.caret, next.caret);
    });
  }

  async function submit() {
    const body = value.trim();
    if (!body || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSend(body);
      setValue('');
      setCaret(0);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (pickerOpen && token && matches.length) {
      const move = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
      if (move) {
        e.preventDefault();
        return setHighlight({ query: token.query, index: (highlighted + move + matches.length) % matches.length });
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        return pick(matches[highlighted]);
      }
    }
    if (pickerOpen && token && e.key === 'Escape') return setDismissedAt(token.start);
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    }
  }

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="text-composer"
    >
      {error ? <Alert testId="composer-error">{error}</Alert> : null}
      {pickerOpen && token ? <CannedPicker query={token.query} matches={matches} highlighted={highlighted} loading={canned.loading} error={canned.error} onPick={pick} /> : null}
      <div className="composer__row">
        <textarea
          ref={input}
          className="field__input composer__input"
          rows={2}
          placeholder="Reply… ( / for canned)"
          aria-label="Reply"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setCaret(e.target.selectionStart);
          }}
          onSelect={syncCaret}
          onKeyDown={onKeyDown}
          data-testid="composer-input"
        />
        <Button type="submit" busy={busy} disabled={!value.trim()} data-testid="composer-send">
          Send
        </Button>
      </div>
    </form>
  );
}
