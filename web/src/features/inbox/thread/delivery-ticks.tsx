const ticks: Record<string, { mark: string; label: string }> = {
  queued: { mark: '◷', label: 'Queued' },
  sent: { mark: '✓', label: 'Sent' },
  delivered: { mark: '✓✓', label: 'Delivered' },
  read: { mark: '✓✓', label: 'Read' },
  failed: { mark: '!', label: 'Not delivered' },
};

/** WhatsApp's ticks for an outbound message: queued ◷, sent ✓, delivered ✓✓, read in blue. */
export function DeliveryTicks({ status }: { status: string }) {
  const tick = ticks[status] ?? { mark: '', label: status };
  return (
    <span className={`ticks ticks--${status}`} title={tick.label} aria-label={tick.label} data-testid="delivery-ticks" data-status={status}>
      {tick.mark}
    </span>
  );
}
