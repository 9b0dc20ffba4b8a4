import { useEffect, useRef, useState } from 'react';
import { realtime, type RealtimeEvent, type RealtimeStatus } from '../../api/realtime';

/** Calls `handler` for every realtime event of the workspace while the component is mounted. */
export function useRealtimeEvents(handler: (event: RealtimeEvent) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => realtime.subscribe((event) => latest.current(event)), []);
}

export function useRealtimeStatus(): RealtimeStatus {
  const [status, setStatus] = useState<RealtimeStatus>('offline');
  useEffect(() => realtime.onStatus(setStatus), []);
  return status;
}
