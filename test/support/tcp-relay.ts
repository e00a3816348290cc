import { connect, createServer, type Socket } from 'node:net';

/** A TCP relay on loopback in front of `port`, and what it saw. */
export interface TcpRelay {
  readonly port: number;
  /** Connections it accepted while nothing answered behind it (each closed at once). */
  refused(): number;
  close(): Promise<void>;
}

/**
 * Relays every connection to 127.0.0.1:`port`, as a load balancer, a container's port mapping or
 * a TLS terminator in front of a server does: a client always gets its connection accepted, and
 * closed at once when the server behind does not answer.
 */
export async function tcpRelay(port: number): Promise<TcpRelay> {
  let refused = 0;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    let answered = false;
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.once('close', () => open.delete(socket));
    }
    upstream.once('connect', () => {
      answered = true;
      client.pipe(upstream).pipe(client);
    });
    upstream.once('error', () => {
      if (!answered) refused += 1;
      client.destroy();
    });
    upstream.once('close', () => client.destroy());
    client.once('error', () => upstream.destroy());
    client.once('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    refused: () => refused,
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
