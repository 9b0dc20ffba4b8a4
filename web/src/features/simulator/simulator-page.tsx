import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatPhoneNumber } from '@domain/phone-display';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Icon } from '../../components/icon';
import { PageHeader } from '../../components/page-header';
import { SelectField } from '../../components/select-field';
import { useCurrentSession } from '../session/use-session';
import { CustomerForm } from './customer-form';
import { loadCustomer, saveCustomer } from './customer-storage';
import { PhoneView } from './phone-view';
import { useSandboxInfo } from './use-sandbox-info';
import './simulator.css';

function Unavailable({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="empty-state" data-testid="simulator-unavailable">
      <span className="empty-state__icon">
        <Icon name="phone" size={28} />
      </span>
      <h2>{title}</h2>
      <p>{children}</p>
    </div>
  );
}

function NoNumber() {
  const { user } = useCurrentSession();
  return (
    <Unavailable title="Connect a WhatsApp number first">
      The simulated customer writes to one of your workspace's WhatsApp numbers, and this workspace has none yet.{' '}
      {user.role === 'admin' ? (
        <>
          Connect one under{' '}
          <Link to="/app/settings/whatsapp" data-testid="simulator-connect-link">
            Settings → WhatsApp
          </Link>{' '}
          — in the sandbox the Meta sign-up is simulated too.
        </>
      ) : (
        'Ask a workspace admin to connect one under Settings → WhatsApp.'
      )}
    </Unavailable>
  );
}

/** SPEC §5: try the product as a customer would, without a phone or a Meta account. */
export function SimulatorPage() {
  const { state, reload } = useSandboxInfo();
  const [customer, setCustomer] = useState(loadCustomer);
  const [chosenId, setChosenId] = useState<string | undefined>();
  useEffect(() => saveCustomer(customer), [customer]);

  const header = <PageHeader title="Phone simulator" description="Be your own customer: write to your WhatsApp number and see what your business answers." />;
  const body = (() => {
    if (state.status === 'loading') return <span className="spinner" role="status" aria-label="Loading" />;
    if (state.status === 'not-sandbox')
      return (
        <Unavailable title="Only in sandbox mode">
          The phone simulator needs the local Meta simulator that sandbox mode runs. With a real Meta app, write from a real phone.
        </Unavailable>
      );
    if (state.status === 'error') {
      return (
        <Alert title="Could not load the simulator">
          {state.message}{' '}
          <Button variant="ghost" size="sm" onClick={reload}>
            Try again
          </Button>
        </Alert>
      );
    }
    const { metaSimulatorUrl, simulatorControlToken, numbers } = state.info;
    if (!metaSimulatorUrl)
      return <Unavailable title="No Meta simulator">Sandbox mode is pointed at the real Graph API (META_GRAPH_URL), so there is no simulator to write through.</Unavailable>;
    // The platform's own number only shows what Aerostic sent (codes, reminders): it is not a workspace number.
    if (numbers.every((n) => n.platform)) return <NoNumber />;
    const number = numbers.find((n) => n.phoneNumberId === chosenId) ?? numbers[0];
    return (
      <div className="simulator">
        <div className="card simulator__setup">
          <SelectField
            name="simulator-number"
            label="Your business number"
            value={number.phoneNumberId}
            onChange={(e) => setChosenId(e.target.value)}
            options={numbers.map((n) => ({ value: n.phoneNumberId, label: `${formatPhoneNumber(n.displayPhoneNumber)}${n.verifiedName ? ` · ${n.verifiedName}` : ''}` }))}
          />
          <CustomerForm key={customer.phone} customer={customer} onChange={setCustomer} />
          <ul className="simulator__tips">
            <li>Type as the customer; the message reaches Aerostic as a real, signed WhatsApp webhook.</li>
            <li>
              Answer from the <Link to="/app/inbox">Inbox</Link> or the API (<code>POST /messages/send</code>); replies appear on the phone within a second.
            </li>
            <li>Tap reply buttons and list rows as a customer would. Send STOP to opt out, START to opt back in.</li>
          </ul>
        </div>
        <PhoneView key={`${number.phoneNumberId}:${customer.phone}`} simUrl={metaSimulatorUrl} simToken={simulatorControlToken} number={number} customer={customer} />
      </div>
    );
  })();

  return (
    <section className="page" data-testid="page-simulator">
      {header}
      {body}
    </section>
  );
}
