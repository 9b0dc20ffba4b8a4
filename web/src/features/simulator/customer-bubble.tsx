import { Icon } from '../../components/icon';
import { timeOf } from './business-bubble';
import type { CustomerBubble as Bubble } from './customer-storage';

const TICK_LABEL: Record<Bubble['state'], string> = { sending: 'Sending', delivered: 'Aerostic received it', failed: 'Not delivered' };

function Ticks({ state }: { state: Bubble['state'] }) {
  return (
    <span className={`phone-ticks phone-ticks--${state}`} title={TICK_LABEL[state]} aria-label={TICK_LABEL[state]}>
      {state === 'sending' ? <Icon name="clock" size={11} /> : state === 'delivered' ? '✓✓' : '!'}
    </span>
  );
}

/** What the customer sent, on the right; ✓✓ once the app acknowledged the signed webhook. */
export function CustomerBubble({ bubble }: { bubble: Bubble }) {
  return (
    <div className="phone-row phone-row--customer" data-testid="phone-customer-message" data-state={bubble.state}>
      <div className="phone-bubble phone-bubble--customer">
        {bubble.quote ? <span className="phone-bubble__quote">{bubble.quote}</span> : null}
        {bubble.imageUrl ? <img className="phone-bubble__image" src={bubble.imageUrl} alt={bubble.attachment ?? 'Photo'} /> : null}
        {bubble.attachment && !bubble.imageUrl ? <span className="phone-media">Photo · {bubble.attachment}</span> : null}
        {bubble.text ? <p className="phone-bubble__text">{bubble.text}</p> : null}
        <span className="phone-bubble__meta">
          {timeOf(bubble.at)} <Ticks state={bubble.state} />
        </span>
      </div>
      {bubble.error ? (
        <span className="phone-row__error" role="status">
          {bubble.error}
        </span>
      ) : null}
    </div>
  );
}
