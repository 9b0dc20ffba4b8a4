import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { AccountsTable } from './accounts-table';
import { CloudInitForm } from './cloud-init-form';
import { resultFromSearch, resultMessage, type ConnectResult } from './connect-result';
import { isPopup, relayToOpener, useConnectPopup } from './use-connect-popup';
import { useWhatsappAccounts } from './use-whatsapp-accounts';

/** Settings → WhatsApp: the workspace's numbers, Embedded Signup in a popup, and Cloud API numbers. */
export function WhatsappSection() {
  const location = useLocation();
  const navigate = useNavigate();
  // Where /meta/callback leaves the popup: relay the outcome to the page that opened it.
  const [landed] = useState(() => resultFromSearch(location.search));
  const [inPopup] = useState(() => Boolean(landed && isPopup()));
  const [result, setResult] = useState<ConnectResult | null>(inPopup ? null : landed);
  const [rowError, setRowError] = useState<string | null>(null);
  const accounts = useWhatsappAccounts();

  const onResult = useCallback(
    (outcome: ConnectResult) => {
      setResult(outcome);
      void accounts.reload();
    },
    [accounts.reload],
  );
  const popup = useConnectPopup(onResult);

  useEffect(() => {
    if (inPopup && landed) relayToOpener(landed);
  }, [inPopup, landed]);

  if (inPopup) return <p className="muted">Connected. You can close this window.</p>;

  const clearResult = () => {
    setResult(null);
    if (location.search) void navigate(location.pathname, { replace: true });
  };

  return (
    <div className="stack" data-testid="whatsapp-section">
      {result ? (
        <Alert tone={result.connected ? 'success' : 'error'} title={result.connected ? 'WhatsApp connected' : 'The number was not connected'} testId="whatsapp-connect-result">
          {resultMessage(result)}{' '}
          <Button variant="ghost" size="sm" onClick={clearResult}>
            Dismiss
          </Button>
        </Alert>
      ) : null}

      <section className="card card--flat">
        <h2 className="card__title">Connect a WhatsApp number</h2>
        <p className="card__text">Sign in with Facebook in the Meta window, pick or create your WhatsApp Business Account and number, and approve both permissions.</p>
        {popup.error ? <Alert>{popup.error}</Alert> : null}
        <div>
          <Button onClick={() => void popup.connect()} busy={popup.busy} data-testid="connect-whatsapp">
            {popup.busy ? 'Waiting for Meta…' : 'Connect WhatsApp'}
          </Button>
        </div>
      </section>

      <section className="card card--flat">
        <h2 className="card__title">Numbers</h2>
        {rowError ? <Alert>{rowError}</Alert> : null}
        {accounts.error ? <Alert title="Could not load your numbers">{accounts.error}</Alert> : null}
        {accounts.accounts.length ? (
          <AccountsTable
            accounts={accounts.accounts}
            onChanged={() => {
              setRowError(null);
              void accounts.reload();
            }}
            onError={setRowError}
          />
        ) : accounts.loading ? null : (
          <p className="muted" data-testid="whatsapp-empty">
            No number connected yet.
          </p>
        )}
        {accounts.loading ? <p className="muted">Loading numbers…</p> : null}
      </section>

      <section className="card card--flat">
        <h2 className="card__title">Add a Cloud API number</h2>
        <p className="card__text">Already on the WhatsApp Cloud API? Enter the IDs from WhatsApp Manager and a system-user access token.</p>
        <CloudInitForm
          onConnected={() => {
            setResult({ connected: true });
            void accounts.reload();
          }}
        />
      </section>
    </div>
  );
}
