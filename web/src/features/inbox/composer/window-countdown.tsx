import { Icon } from '../../../components/icon';
import { formatRemaining } from '../reply-window';

/** How long free-form replies remain possible; in the last hour it turns amber. */
export function WindowCountdown({ remainingMs }: { remainingMs: number }) {
  const open = remainingMs > 0;
  const closing = open && remainingMs < 60 * 60 * 1000;
  return (
    <p className={`window-countdown${open ? '' : ' window-countdown--closed'}${closing ? ' window-countdown--closing' : ''}`} data-testid="window-countdown" data-open={open}>
      <Icon name="clock" size={14} />
      {open ? (
        <span>
          Reply window closes in <strong>{formatRemaining(remainingMs)}</strong>
        </span>
      ) : (
        <span>The 24-hour reply window is closed: only an approved template can be sent until the customer writes again.</span>
      )}
    </p>
  );
}
