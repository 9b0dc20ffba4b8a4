import { useRef, useState, type KeyboardEvent } from 'react';
import { z } from 'zod';
import type { TCannedResponse } from '@domain/inbox';
import { ZTextBodySchema } from '@domain/messages';
import { Alert } from '../../../components/alert';
import { SubmitButton } from '../../../components/submit-button';
import { useCannedResponses } from '../../inbox-settings/canned-responses/use-canned-responses';
import { describeError } from '../../forms/error-messages';
import { useFormCheck } from '../../forms/use-form-check';
import { CannedPicker } from './canned-picker';
import { insertResponse, matchingResponses, slashTokenAt } from './canned-token';

const ZReplySchema = z.object({ body: ZTextBodySchema });

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
  const check = useFormCheck(ZReplySchema, { body: value.trim() });
  // An empty box only needs the button off (its reason in the title); a problem with typed text is said under it.
  const problem = value.trim() ? check.errors.body : undefined;

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
    if (!check.valid || busy) return;
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
      {error || problem ? <Alert testId="composer-error">{problem ?? error}</Alert> : null}
      {pickerOpen && token ? <CannedPicker query={token.query} matches={matches} highlighted={highlighted} loading={canned.loading} error={canned.error} onPick={pick} /> : null}
      <div className="composer__row">
        <textarea
          ref={input}
          className="field__input composer__input"
          rows={2}
          placeholder="Reply… ( / for canned)"
          aria-label="Reply"
          aria-invalid={problem ? true : undefined}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setCaret(e.target.selectionStart);
          }}
          onSelect={syncCaret}
          onKeyDown={onKeyDown}
          data-testid="composer-input"
        />
        <SubmitButton busy={busy} reason={null} disabled={!check.valid} title={value.trim() ? (check.reason ?? undefined) : 'Type a reply first'} data-testid="composer-send">
          Send
        </SubmitButton>
      </div>
    </form>
  );
}
