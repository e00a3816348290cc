import WebSocket from 'ws';

/** The first message (or close) a graphql-ws server sends after connection_init with `payload`. */
export function connectionInit(wsUrl: string, payload: Record<string, unknown>): Promise<{ ack: boolean; code?: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string };
      if (message.type === 'connection_ack') {
        socket.close();
        resolve({ ack: true });
      }
    });
    socket.on('close', (code) => resolve({ ack: false, code }));
    socket.on('error', reject);
  });
}

/** An operation over graphql-ws, anonymous: the first result (or the close code). */
export function overWebSocket(wsUrl: string, query: string): Promise<{ payload?: unknown; code?: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string; payload?: unknown };
      if (message.type === 'connection_ack') socket.send(JSON.stringify({ type: 'subscribe', id: '1', payload: { query } }));
      if (message.type === 'next' || message.type === 'error') {
        socket.close();
        resolve({ payload: message.payload });
      }
    });
    socket.on('close', (code) => resolve({ code }));
    socket.on('error', reject);
  });
}
