import { useCallback, useEffect, useState } from 'react';
import type { TSandboxInfoResponse } from '@domain/sandbox';
import { isApiError } from '../../api/api-error';
import { fetchSandboxInfo } from '../../api/sandbox';
import { describeError } from '../forms/error-messages';

export type SandboxInfoState =
  | { status: 'loading' }
  | { status: 'ready'; info: TSandboxInfoResponse }
  /** The route exists only in sandbox mode. */
  | { status: 'not-sandbox' }
  | { status: 'error'; message: string };

export function useSandboxInfo(): { state: SandboxInfoState; reload: () => void } {
  const [state, setState] = useState<SandboxInfoState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let active = true;
    fetchSandboxInfo().then(
      (info) => active && setState({ status: 'ready', info }),
      (err: unknown) => active && setState(isApiError(err) && err.status === 404 ? { status: 'not-sandbox' } : { status: 'error', message: describeError(err) }),
    );
    return () => {
      active = false;
    };
  }, [attempt]);
  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, reload };
}

let probe: Promise<boolean> | undefined;

/** Whether the server runs in sandbox mode, asked once per page load (a failed probe is asked again). */
export function useSandboxMode(): boolean {
  const [sandbox, setSandbox] = useState(false);
  useEffect(() => {
    let active = true;
    probe ??= fetchSandboxInfo().then(
      () => true,
      (err: unknown) => {
        if (!(isApiError(err) && err.status === 404)) probe = undefined;
        return false;
      },
    );
    void probe.then((value) => active && setSandbox(value));
    return () => {
      active = false;
    };
  }, []);
  return sandbox;
}
