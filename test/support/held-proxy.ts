import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forwardRequest } from './forward-request.js';
import { readBody } from './read-body.js';

export interface HeldProxy {
  /** http://127.0.0.1:port/graphql, forwarding to the target once released. */
  readonly url: string;
  /** Resolves when the first request has come in (and is being held). */
  readonly arrived: Promise<void>;
  /** Forwards every request held so far, and every later one at once. */
  release(): void;
  close(): Promise<void>;
}

/**
 * A proxy in front of a node that holds every request until `release()`: a spec can act (send a
 * signal, say) while a client is known to be waiting on the node, then let the answer through.
 */
export async function heldProxy(targetUrl: string): Promise<HeldProxy> {
  const target = new URL(targetUrl);
  const held: (() => void)[] = [];
  let released = false;
  let onArrival: () => void = () => {};
  const arrived = new Promise<void>((resolve) => {
    onArrival = resolve;
  });
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const go = () => void forwardRequest(target, req, res, body);
      if (released) return go();
      held.push(go);
      onArrival();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    arrived,
    release: () => {
      released = true;
      for (const go of held.splice(0)) go();
    },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
