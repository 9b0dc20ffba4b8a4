import { useEffect, useRef, useState } from 'react';
import { formatPhoneNumber } from '@domain/phone-display';
import { BusinessBubble } from './business-bubble';
import { CustomerBubble } from './customer-bubble';
import type { Customer } from './customer-storage';
import { ListSheet } from './list-sheet';
import { PhoneComposer } from './phone-composer';
import { buttonReply, listReply, type Reply } from './replies';
import type { BusinessMessage } from './sim-client';
import { usePhoneChat } from './use-phone-chat';
import './phone.css';

export interface SimNumber {
  phoneNumberId: string;
  displayPhoneNumber: string;
  verifiedName: string | null;
}

interface PhoneViewProps {
  simUrl: string;
  /** The simulator's control token (GET /sandbox/info). */
  simToken: string;
  number: SimNumber;
  customer: Customer;
}

/** The customer's phone: their chat with the business number, as WhatsApp lays it out. */
export function PhoneView({ simUrl, simToken, number, customer }: PhoneViewProps) {
  const { entries, send, pollError } = usePhoneChat(simUrl, simToken, number.phoneNumberId, customer);
  const [openList, setOpenList] = useState<BusinessMessage | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    scroller.current?.scrollTo({ top: scroller.current.scrollHeight });
  }, [entries.length]);

  const reply = (r: Reply) => void send(r.message, r.text, { quote: r.quote });
  const businessNumber = formatPhoneNumber(number.displayPhoneNumber);
  const title = number.verifiedName ?? businessNumber;

  return (
    <div className="phone" data-testid="phone">
      <div className="phone__screen">
        <header className="phone__header">
          <span className="phone__avatar" aria-hidden="true">
            {title.slice(0, 1).toUpperCase()}
          </span>
          <span className="phone__who">
            <strong>{title}</strong>
            <small>{businessNumber} · Business account</small>
          </span>
        </header>
        <div className="phone__chat" ref={scroller} data-testid="phone-chat">
          <p className="phone__notice">
            You are {customer.name || 'a customer'} ({formatPhoneNumber(customer.phone)}). Messages are delivered to Aerostic as signed WhatsApp webhooks.
          </p>
          {entries.map((entry) =>
            entry.side === 'customer' ? (
              <CustomerBubble key={entry.bubble.id} bubble={entry.bubble} />
            ) : (
              <BusinessBubble
                key={entry.message.wamid}
                message={entry.message}
                onButton={(button) => reply(buttonReply(entry.message, button))}
                onOpenList={() => setOpenList(entry.message)}
              />
            ),
          )}
        </div>
        {pollError ? (
          <p className="phone__problem" role="alert" data-testid="phone-poll-error">
            {pollError}
          </p>
        ) : null}
        <PhoneComposer onSend={send} />
        {openList ? (
          <ListSheet
            message={openList}
            onClose={() => setOpenList(null)}
            onPick={(row) => {
              setOpenList(null);
              reply(listReply(openList, row));
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
