import { useCallback, useEffect, useState } from 'react';
import type { TAiSettings } from '@domain/ai';
import { fetchAiSettings } from '../../api/ai';
import { describeError } from '../forms/error-messages';

type SettingsState = { status: 'loading' } | { status: 'ready'; settings: TAiSettings } | { status: 'error'; message: string };

export function useAiSettings() {
  const [state, setState] = useState<SettingsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let active = true;
    fetchAiSettings().then(
      (settings) => active && setState({ status: 'ready', settings }),
      (err: unknown) => active && setState({ status: 'error', message: describeError(err) }),
    );
    return () => {
      active = false;
    };
  }, [attempt]);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}
