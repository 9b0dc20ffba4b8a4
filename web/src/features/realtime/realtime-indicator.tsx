import { useRealtimeStatus } from './use-realtime';

const labels = { live: 'Live', connecting: 'Reconnecting…', offline: 'Offline' } as const;

/** Whether updates arrive by themselves; offline means the page shows what it last loaded. */
export function RealtimeIndicator() {
  const status = useRealtimeStatus();
  return (
    <span className={`realtime-indicator realtime-indicator--${status}`} data-testid="realtime-status" data-state={status} role="status">
      <span className="realtime-indicator__dot" aria-hidden="true" />
      {labels[status]}
    </span>
  );
}
