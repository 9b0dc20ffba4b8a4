import { useEffect, useLayoutEffect, useRef } from 'react';
import type { TInboxMessage } from '@domain/inbox';
import { Button } from '../../../components/button';
import { MessageBubble } from './message-bubble';

interface Props {
  messages: TInboxMessage[];
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder(): void;
}

/** How close to the bottom still counts as "reading the latest": new messages then scroll into view. */
const STICKY_PX = 80;

/** The thread, newest at the bottom. Earlier pages load above without moving what the reader looks at. */
export function MessageList({ messages, hasOlder, loadingOlder, onLoadOlder }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const previous = useRef({ first: '', last: '', height: 0, atBottom: true });
  // Where this component last scrolled to the bottom. The scroll event of that move arrives a frame later,
  // possibly after an image grew the list: measured then, it would look like the reader scrolled up.
  const pinnedTop = useRef<number | null>(null);
  const toBottom = (el: HTMLDivElement) => {
    el.scrollTop = el.scrollHeight;
    pinnedTop.current = el.scrollTop;
  };

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const first = messages[0]?.id ?? '';
    const last = messages[messages.length - 1]?.id ?? '';
    const before = previous.current;
    if (before.first && first !== before.first && last === before.last) el.scrollTop += el.scrollHeight - before.height;
    else if (last !== before.last && before.atBottom) toBottom(el);
    previous.current = { first, last, height: el.scrollHeight, atBottom: before.atBottom };
  }, [messages]);

  // A received image (or any media) gets its height only once loaded, after the scroll above, and the
  // composer below may take room from the thread: while the reader is at the newest message, keep it there.
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = scroller.current;
    const content = list.current;
    if (!el || !content || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (previous.current.atBottom) toBottom(el);
    });
    observer.observe(content);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    // Not moved up from where we put it: still reading the newest message, however much the list grew meanwhile.
    if (pinnedTop.current !== null && el.scrollTop >= pinnedTop.current - 1) return;
    pinnedTop.current = null;
    previous.current.atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < STICKY_PX;
  };

  return (
    <div className="thread__messages" ref={scroller} onScroll={onScroll} data-testid="thread-messages">
      {hasOlder ? (
        <div className="thread__older">
          <Button variant="ghost" size="sm" busy={loadingOlder} onClick={onLoadOlder} data-testid="thread-load-older">
            Load earlier messages
          </Button>
        </div>
      ) : null}
      <ol className="thread__list" ref={list}>
        {messages.map((m) => (
          <MessageBubble key={m.id} message={m} />
        ))}
      </ol>
    </div>
  );
}
