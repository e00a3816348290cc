import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lockDirectory, networkId, takeoverWarning, type DirectoryLock, type Genesis } from '../../ledger/index.js';
import { ensureDirectory } from '../directories.js';
import { CliError } from '../errors.js';
import { readGenesis, writeGenesisFile } from '../key-files.js';

/**
 * Takes a node's data directory (`--data`) for as long as the node runs. The lock comes first, so
 * a second node on it, `--recover-from` included, is refused (DATA_DIR_LOCKED, naming the
 * directory and the running node's pid) before it reads or writes anything there; then, held, the
 * checks and the genesis pin. Everything the node keeps there (its ledger, which also locks its
 * own directory, the private store, certificates, genesis.json) is written under this lock.
 * A lock left by a node that died is taken over, with a warning naming its pid.
 */
export function holdDataDirectory(data: string, genesis: Genesis, recovering: boolean, warn: (message: string) => void): DirectoryLock {
  ensureDirectory(data, '--data');
  const lock = lockDirectory(data);
  try {
    if (lock.tookOver) warn(takeoverWarning(data, lock.tookOver));
    const chains = join(data, 'ledger', 'chains');
    if (recovering && existsSync(chains) && readdirSync(chains).length > 0) {
      throw new CliError(`--recover-from rebuilds a lost ledger, but ${join(data, 'ledger')} holds chains; move it aside first`);
    }
    pinGenesis(data, genesis);
    return lock;
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** The data directory keeps the genesis it was started with, so `ledger verify <data>` needs nothing else. */
function pinGenesis(data: string, genesis: Genesis): void {
  const path = join(data, 'genesis.json');
  if (!existsSync(path)) return writeGenesisFile(path, genesis);
  const held = readGenesis(path);
  if (networkId(held) !== networkId(genesis)) {
    throw new CliError(`${path} is the genesis of another network (${networkId(held).slice(0, 16)}…), not of ${networkId(genesis).slice(0, 16)}…`);
  }
}
