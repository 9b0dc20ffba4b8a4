import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiDeps } from './deps';
import { createApp } from './app';
import { attachRealtime, type RealtimeServer } from './realtime/socket-server';

export interface RunningServer {
  server: Server;
  url: string;
  realtime: RealtimeServer;
  close(): Promise<void>;
}

/** The HTTP server around the app, with socket.io attached. */
export async function startServer(deps: ApiDeps, port = deps.config.port, host = deps.config.host): Promise<RunningServer> {
  const app = createApp(deps);
  const server = createServer(app.callback());
  server.keepAliveTimeout = 65_000;
  const realtime = await attachRealtime(server, deps);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  }).catch(async (err) => {
    await realtime.close();
    throw err;
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${actual}`,
    realtime,
    close: async () => {
      await realtime.close();
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
