import { useEffect, useRef, useState } from 'react';
import { startEmbeddedSignup } from '../../api/whatsapp';
import { describeError } from '../forms/error-messages';
import { CONNECT_MESSAGE, isConnectMessage, type ConnectResult } from './connect-result';

const POPUP_NAME = 'aerostic-whatsapp-connect';
const POPUP_FEATURES = 'popup,width=640,height=760';

/**
 * Embedded Signup in a popup: Meta's dialog, then our callback, which lands the popup back on the
 * settings page; that page posts the outcome here (same origin only) and closes itself.
 */
export function useConnectPopup(onResult: (result: ConnectResult) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const popupRef = useRef<Window | null>(null);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || !isConnectMessage(event.data)) return;
      setBusy(false);
      onResult(event.data.result);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [onResult]);

  // A popup closed by hand sends nothing: stop waiting for it.
  useEffect(() => {
    if (!busy) return;
    const timer = window.setInterval(() => {
      if (popupRef.current?.closed) setBusy(false);
    }, 500);
    return () => window.clearInterval(timer);
  }, [busy]);

  async function connect() {
    setError(null);
    // Opened before any await: browsers allow a popup only within the click itself.
    const popup = window.open('', POPUP_NAME, POPUP_FEATURES);
    if (!popup) {
      setError('Your browser blocked the Meta window. Allow pop-ups for this site, then try again.');
      return;
    }
    popupRef.current = popup;
    setBusy(true);
    try {
      popup.location.href = await startEmbeddedSignup();
    } catch (err) {
      popup.close();
      setBusy(false);
      setError(describeError(err));
    }
  }

  return { connect, busy, error };
}

export function isPopup(): boolean {
  const opener = window.opener as Window | null;
  return Boolean(opener && !opener.closed);
}

/** In the popup, after the callback: hand the outcome to the opener, then close. */
export function relayToOpener(result: ConnectResult): void {
  // The target origin keeps the outcome from ever reaching a page of another site that opened this one.
  (window.opener as Window).postMessage({ type: CONNECT_MESSAGE, result }, window.location.origin);
  window.close();
}
