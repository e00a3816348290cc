import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Server } from 'node:http';

/** Node publishes each response of every HTTP server here as it finishes. */
const RESPONSE_FINISHED = 'http.server.response.finish';

/**
 * Stops accepting and resolves once every connection is closed. Idle keep-alive connections close
 * at once; one whose request is in flight closes when its response is sent (an SSE stream that
 * just ended, say), instead of whenever its client lets go of it (undici keeps one 4 s).
 */
export function closeHttpServer(server: Server): Promise<void> {
  const answered = (message: unknown): void => {
    // After Node has detached the finished response from its socket, which is then idle.
    if ((message as { server?: unknown }).server === server) setImmediate(() => server.closeIdleConnections());
  };
  subscribe(RESPONSE_FINISHED, answered);
  return new Promise<void>((resolve) => {
    server.close(() => {
      unsubscribe(RESPONSE_FINISHED, answered);
      resolve();
    });
    server.closeIdleConnections();
  });
}
