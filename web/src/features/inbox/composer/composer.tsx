import type { TConversation } from '@domain/inbox';
import { sendMessage } from '../../../api/messages';
import { conversationHandler, handlerTexts } from '../conversation-text';
import { windowRemainingMs } from '../reply-window';
import { useAiEnabled } from '../use-ai-enabled';
import { TemplateComposer, type TemplateChoice } from './template-composer';
import { TextComposer } from './text-composer';
import { useNow } from '../../../lib/use-now';
import { WindowCountdown } from './window-countdown';
import './composer.css';

interface Props {
  conversation: TConversation;
  /** After a send was accepted (queued): show it without waiting for the live event. */
  onSent(): void;
}

/** Text while the customer's 24-hour window is open, a template picker once it has closed. */
export function Composer({ conversation, onSent }: Props) {
  const now = useNow();
  const remaining = windowRemainingMs(conversation.lastInboundAt, now);
  const handler = conversationHandler(conversation, useAiEnabled());
  const address = { to: conversation.contact.phone, phoneNumberId: conversation.phoneNumberId };

  async function sendText(body: string) {
    await sendMessage({ ...address, type: 'text', text: { body } });
    onSent();
  }
  async function sendTemplate(template: TemplateChoice) {
    await sendMessage({ ...address, type: 'template', template });
    onSent();
  }

  if (conversation.optedOut) {
    return (
      <div className="thread__composer">
        <p className="composer__hint" data-testid="composer-opted-out">
          This contact opted out (they sent STOP). Nothing can be sent to them until they send START.
        </p>
      </div>
    );
  }

  return (
    <div className="thread__composer">
      <WindowCountdown remainingMs={remaining} />
      {remaining > 0 ? (
        <p className="composer__hint" data-testid={handler === 'ai' || handler === 'automation' ? 'composer-ai-hint' : 'composer-handler-hint'} data-handler={handler}>
          {handlerTexts[handler]}
        </p>
      ) : null}
      {remaining > 0 ? <TextComposer onSend={sendText} /> : <TemplateComposer phoneNumberId={conversation.phoneNumberId} onSend={sendTemplate} />}
    </div>
  );
}
