import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiDeps } from './deps';
import { createApp } from './app';

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** The HTTP server around the app (socket.io attaches here in a later step). */
export async function startServer(deps: ApiDeps, port = deps.config.port, host = deps.config.host): Promise<RunningServer> {
  const app = createApp(deps);
  const server = createServer(app.callback());
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
