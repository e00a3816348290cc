import { lockDirectory, takeoverWarning, type DirectoryLock } from '../../ledger/index.js';

/**
 * Takes a directory of the demo's as `mra-hub node --data` takes its own: the demo's data
 * directory for as long as the demo runs (prepareDemoDir), and each demo node's, whose private
 * records and certificates are written under this lock (its ledger locks its own directory inside).
 * A lock a killed demo left is taken over, with a warning.
 */
export function holdDemoDirectory(dir: string): DirectoryLock {
  const lock = lockDirectory(dir);
  if (lock.tookOver) console.error(`warning: ${takeoverWarning(dir, lock.tookOver)}`);
  return lock;
}
