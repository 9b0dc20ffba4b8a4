import { useCallback, useEffect, useState } from 'react';
import type { TConversation } from '@domain/inbox';
import { fetchConversation } from '../../api/conversations';
import { describeError } from '../forms/error-messages';

type OpenState = { status: 'none' } | { status: 'loading' } | { status: 'ready'; conversation: TConversation } | { status: 'error'; message: string };

/** The conversation opened from the URL, read on its own so it shows even when the filters hide it. */
export function useOpenConversation(id: string | undefined) {
  const [state, setState] = useState<OpenState>({ status: id ? 'loading' : 'none' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!id) return setState({ status: 'none' });
    let active = true;
    setState((s) => (s.status === 'ready' && s.conversation.id === id ? s : { status: 'loading' }));
    fetchConversation(id).then(
      (conversation) => active && setState({ status: 'ready', conversation }),
      (err: unknown) => active && setState({ status: 'error', message: describeError(err) }),
    );
    return () => {
      active = false;
    };
  }, [id, attempt]);

  /** Adopts a newer read of the open conversation (after an action or a live event); others are ignored. */
  const replace = useCallback((conversation: TConversation) => setState((s) => (conversation.id === id && s.status !== 'error' ? { status: 'ready', conversation } : s)), [id]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return { state, replace, reload };
}
