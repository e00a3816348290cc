import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { forwardRequest } from './forward-request.js';
import { readBody } from './read-body.js';

export interface RecordingProxy {
  /** http://127.0.0.1:port/graphql, forwarding to the target. */
  readonly url: string;
  /** Bodies of the HTTP requests that passed through, in order. */
  readonly bodies: string[];
  /** Websocket connections open through the proxy now. */
  openSockets(): number;
  /** Cuts every websocket connection open through the proxy (a node that drops them). */
  dropSockets(): void;
  close(): Promise<void>;
}

/**
 * A transparent proxy in front of a node that records what a gateway asks it, so specs can
 * show which fields were (never) requested. Websocket upgrades are piped through untouched.
 */
export async function recordingProxy(targetUrl: string): Promise<RecordingProxy> {
  const target = new URL(targetUrl);
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then(async (body) => {
      bodies.push(body);
      await forwardRequest(target, req, res, body);
    });
  });
  const tunnels = new Set<{ destroy(): void }>();
  server.on('upgrade', (req, socket, head) => {
    tunnels.add(socket);
    socket.on('close', () => tunnels.delete(socket));
    const upstream = connect(Number(target.port), target.hostname, () => {
      const lines = [`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    upstream.on('close', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    bodies,
    openSockets: () => tunnels.size,
    dropSockets: () => tunnels.forEach((socket) => socket.destroy()),
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
      tunnels.forEach((socket) => socket.destroy());
    }),
  };
}
