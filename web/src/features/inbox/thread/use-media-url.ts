import { useEffect, useState } from 'react';
import { apiClient } from '../../../api/client';
import { describeError } from '../../forms/error-messages';

type MediaState = { status: 'loading' } | { status: 'ready'; url: string } | { status: 'error'; message: string };

/** A stored file as an object URL: GET /media/:id needs the bearer token, which an <img src> cannot send. */
export function useMediaUrl(fileId: string): MediaState {
  const [state, setState] = useState<MediaState>({ status: 'loading' });
  useEffect(() => {
    let url: string | undefined;
    let active = true;
    apiClient.blob(`/media/${encodeURIComponent(fileId)}`).then(
      (blob) => {
        if (!active) return;
        url = URL.createObjectURL(blob);
        setState({ status: 'ready', url });
      },
      (err: unknown) => active && setState({ status: 'error', message: describeError(err) }),
    );
    return () => {
      active = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [fileId]);
  return state;
}
