import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** Who holds a directory's lock, as its LOCK.pid names it: for messages only, never for deciding. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
}

/** Names this process as the holder, atomically (temp file, rename): a reader sees all of it or none. */
export function writeHolder(path: string): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, `${JSON.stringify({ pid: process.pid, host: hostname() })}\n`);
  renameSync(temp, path);
}

/** The holder a LOCK.pid names, or null when there is none (or it is not one we wrote). */
export function readHolder(path: string): LockHolder | null {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { pid, host } = value as Record<string, unknown>;
  return Number.isSafeInteger(pid) && typeof host === 'string' ? { pid: pid as number, host } : null;
}

export function removeHolder(path: string): void {
  rmSync(path, { force: true });
}

/** "pid 1234", "pid 1234 (this process)" or "pid 1234 on host-b", for one-line messages. */
export function describeHolder(holder: LockHolder | null): string {
  if (!holder) return 'another process (it has not written LOCK.pid yet)';
  return holder.pid === process.pid && holder.host === hostname() ? `${pidOn(holder)} (this process)` : pidOn(holder);
}

/**
 * The warning for a lock taken over from a holder that ended without releasing it (its pid may be
 * this process's own: a container restarts its node with the same pid).
 */
export function takeoverWarning(dir: string, holder: LockHolder): string {
  return `${dir}: took over the lock left by ${pidOn(holder)}, which ended without releasing it (killed or crashed)`;
}

function pidOn(holder: LockHolder): string {
  return holder.host === hostname() ? `pid ${holder.pid}` : `pid ${holder.pid} on ${holder.host}`;
}
