import type { Server } from 'node:http';

/**
 * Starts `server` listening; rejects with the socket's error (EADDRINUSE, EACCES, …) instead of
 * waiting forever for a `listening` that never comes, as `listen(port, host, resolve)` does.
 */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}
