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

/** An operation over graphql-ws, anonymous: the first result and its message type (or the close code). */
export function overWebSocket(wsUrl: string, query: string): Promise<{ type?: string; payload?: unknown; code?: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string; payload?: unknown };
      if (message.type === 'connection_ack') socket.send(JSON.stringify({ type: 'subscribe', id: '1', payload: { query } }));
      if (message.type === 'next' || message.type === 'error') {
        socket.close();
        resolve({ type: message.type, payload: message.payload });
      }
    });
    socket.on('close', (code) => resolve({ code }));
    socket.on('error', reject);
  });
}

/** A graphql-ws message as it came over the wire. */
export interface WsMessage {
  readonly id?: string;
  readonly type: string;
  readonly payload?: unknown;
}

/** A graphql-ws connection driven by hand: every message the server sends is kept, in order. */
export interface WsSession {
  /** Resolves on connection_ack. */
  readonly acked: Promise<void>;
  readonly messages: WsMessage[];
  /** The close code, once the server closed the socket. */
  closedWith(): number | undefined;
  subscribe(id: string, query: string): void;
  /** The messages for one operation id. */
  of(id: string): WsMessage[];
  close(): void;
}

/** Opens a graphql-ws connection with `payload` as connection_init's payload. */
export function wsSession(wsUrl: string, payload: Record<string, unknown>): WsSession {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
  const messages: WsMessage[] = [];
  let code: number | undefined;
  const acked = new Promise<void>((resolve, reject) => {
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as WsMessage;
      messages.push(message);
      if (message.type === 'connection_ack') resolve();
    });
    socket.on('close', (closeCode) => {
      code = closeCode;
      reject(new Error(`closed with ${closeCode} before connection_ack`));
    });
    socket.on('error', reject);
  });
  acked.catch(() => undefined);
  return {
    acked, messages,
    closedWith: () => code,
    subscribe: (id, query) => socket.send(JSON.stringify({ type: 'subscribe', id, payload: { query } })),
    of: (id) => messages.filter((m) => m.id === id),
    close: () => socket.close(),
  };
}
