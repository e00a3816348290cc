import { createConnection } from 'node:net';

/** The Redis the tests use (CI starts one on 127.0.0.1:6379). */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Whether Redis answers. With REQUIRE_REDIS=1 (CI) an unreachable Redis is an error, so tests
 * that need it cannot silently skip.
 */
export async function redisAvailable(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL);
  const up = await new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
  if (!up && process.env.REQUIRE_REDIS === '1') throw new Error(`REQUIRE_REDIS=1 but Redis does not answer at ${REDIS_URL}`);
  return up;
}

/** A key prefix no other test run shares. */
export function uniquePrefix(name: string): string {
  return `mra-test:${name}:${process.pid}:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
