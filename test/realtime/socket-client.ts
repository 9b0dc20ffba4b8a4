import { io, type Socket } from 'socket.io-client';

export interface Received {
  event: string;
  data: { seq?: number } & Record<string, unknown>;
}

export interface TestSocket {
  socket: Socket;
  /** Everything the server emitted to this socket, in arrival order. */
  received: Received[];
  /** Seqs of the bus events received (control events `realtime.*` left out). */
  seqs(): number[];
  close(): void;
}

/** A socket.io client as the web app opens it, recording what arrives; no reconnection, so a refusal is final. */
export function openSocket(url: string, auth: Record<string, unknown>, options: { headers?: Record<string, string> } = {}): TestSocket {
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: options.headers });
  const received: Received[] = [];
  socket.onAny((event: string, data: Received['data']) => received.push({ event, data }));
  return {
    socket,
    received,
    seqs: () => received.filter((r) => !r.event.startsWith('realtime.')).map((r) => r.data.seq as number),
    close: () => void socket.disconnect(),
  };
}

/** Connected and caught up: the server says `realtime.ready` once the socket is in its tenant's room. */
export function ready(client: TestSocket): Promise<{ seq: number }> {
  return new Promise((resolve, reject) => {
    const found = client.received.find((r) => r.event === 'realtime.ready');
    if (found) return resolve(found.data as { seq: number });
    client.socket.once('realtime.ready', resolve);
    client.socket.once('connect_error', reject);
  });
}

/** The `connect_error` of a refused handshake: its message and `data.code`. */
export function refusal(client: TestSocket): Promise<{ message: string; code?: string }> {
  return new Promise((resolve, reject) => {
    client.socket.once('connect', () => reject(new Error('the handshake was accepted')));
    client.socket.once('connect_error', (err: Error & { data?: { code?: string } }) => resolve({ message: err.message, code: err.data?.code }));
  });
}

export function disconnection(client: TestSocket): Promise<string> {
  return new Promise((resolve) => client.socket.once('disconnect', (reason: string) => resolve(reason)));
}
