import type { LocalRoomEmit, RelaySocket } from '../../api/realtime/tenant-relay';

/** Sockets without socket.io, for the relay's ordering rules: they record what reaches them. */
export class FakeSocket implements RelaySocket {
  connected = true;
  readonly rooms = new Set<string>();
  readonly received: { event: string; data: { seq?: number } & Record<string, unknown> }[] = [];
  constructor(readonly tenantId: string) {}
  emit(event: string, data: unknown): void {
    this.received.push({ event, data: data as { seq?: number } });
  }
  join(room: string): void {
    this.rooms.add(room);
  }
  /** Seqs of the bus events received, in arrival order (control events left out). */
  seqs(): number[] {
    return this.received.filter((r) => !r.event.startsWith('realtime.')).map((r) => r.data.seq as number);
  }
}

export function fakeRoomEmitter(sockets: FakeSocket[]): LocalRoomEmit {
  return (room, event, data) => {
    for (const s of sockets) if (s.rooms.has(room)) s.emit(event, data);
  };
}
