import { useRef, useState, type FormEvent } from 'react';
import { imageMessage } from './replies';
import type { CustomerMessageInput } from './sim-client';
import type { OutgoingExtras } from './use-phone-chat';
import './phone-controls.css';

interface PhoneComposerProps {
  onSend: (message: CustomerMessageInput, text: string, extras?: OutgoingExtras) => Promise<void>;
}

/** The customer's keyboard: free text, plus shortcuts for what is fiddly to type (STOP, a photo). */
export function PhoneComposer({ onSend }: PhoneComposerProps) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = text.trim();
    if (!body) return;
    setText('');
    void onSend({ type: 'text', body }, body);
  };

  const sendImage = async (file: File | undefined) => {
    if (fileInput.current) fileInput.current.value = '';
    if (!file) return;
    const caption = text.trim();
    try {
      const message = await imageMessage(file, caption || undefined);
      setProblem(null);
      setText('');
      await onSend(message, caption, { attachment: file.name, imageUrl: URL.createObjectURL(file) });
    } catch (err) {
      setProblem((err as Error).message);
    }
  };

  return (
    <div className="phone-composer">
      <div className="phone-composer__actions">
        <button type="button" className="phone-chip" data-testid="phone-send-stop" onClick={() => void onSend({ type: 'text', body: 'STOP' }, 'STOP')}>
          Send STOP
        </button>
        <button
          type="button"
          className="phone-chip"
          data-testid="phone-send-image"
          title="Whatever is typed in the message box becomes the caption"
          onClick={() => fileInput.current?.click()}
        >
          Send image
        </button>
        <input ref={fileInput} type="file" accept="image/jpeg,image/png,image/webp" hidden data-testid="phone-image-input" onChange={(e) => void sendImage(e.target.files?.[0])} />
      </div>
      {problem ? (
        <p className="phone-composer__problem" role="alert">
          {problem}
        </p>
      ) : null}
      <form className="phone-composer__form" onSubmit={submit}>
        <input
          className="phone-composer__input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Message"
          aria-label="Message as the customer"
          data-testid="phone-composer-input"
          maxLength={4096}
        />
        <button type="submit" className="phone-composer__send" aria-label="Send" data-testid="phone-send" disabled={!text.trim()}>
          ➤
        </button>
      </form>
    </div>
  );
}
