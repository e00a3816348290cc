import type { WebSocket } from 'ws';

/**
 * mercurius refuses a connection_init its onConnect rejects by sending `connection_error` (a
 * message of the old subscriptions-transport-ws protocol) and closing without a code. The
 * graphql-ws protocol, which the gateway and the Apollo node speak, closes with 4403 Forbidden
 * instead, before any connection_ack: do that.
 */
export function refuseWith4403(socket: WebSocket): void {
  {
    const send = socket.send.bind(socket);
    socket.send = ((data: unknown, ...rest: unknown[]) => {
      if (typeof data === 'string' && data.includes('"connection_error"') && (JSON.parse(data) as { type?: string }).type === 'connection_error') {
        socket.close(4403, 'Forbidden');
        return;
      }
      return (send as (...args: unknown[]) => void)(data, ...rest);
    }) as typeof socket.send;
  }
}
