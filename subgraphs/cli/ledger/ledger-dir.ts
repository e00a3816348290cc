import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseCheckpoint, type Checkpoint } from '../../ledger/index.js';
import { CliError } from '../errors.js';

/**
 * The ledger directory inside what the user named: a node's data directory (`<dir>/ledger`, as
 * `mra-hub node --data <dir>` writes it) or a ledger directory itself (`<dir>/chains`). A path with
 * neither, or with no chain and no checkpoint at all, is an error: there is nothing to verify,
 * and "VERIFIED" about nothing would mislead.
 */
export function findLedgerDir(dir: string): string {
  if (!existsSync(dir)) throw new CliError(`${dir} does not exist`);
  const ledgerDir = [join(dir, 'ledger'), dir].find((d) => existsSync(join(d, 'chains')));
  if (!ledgerDir) throw new CliError(`${dir} holds no ledger: expected ${join(dir, 'ledger', 'chains')} (a node's data directory) or ${join(dir, 'chains')}`);
  const files = (sub: string, suffix: string) => (existsSync(join(ledgerDir, sub)) ? readdirSync(join(ledgerDir, sub)).filter((f) => f.endsWith(suffix)) : []);
  if (files('chains', '.jsonl').length === 0 && files('checkpoints', '.json').length === 0) {
    throw new CliError(`${ledgerDir} holds no chain and no checkpoint: nothing to verify`);
  }
  return ledgerDir;
}

/**
 * The genesis to trust: the one given, else the copy a node keeps in its data directory (beside
 * `ledger/`: named as the ledger directory itself, that is its parent), else one in the ledger
 * directory.
 */
export function genesisPathFor(dir: string, ledgerDir: string, given: string | undefined): string {
  if (given) return given;
  const dataDir = ledgerDir === dir && basename(resolve(dir)) === 'ledger' ? join(dir, '..') : dir;
  const places = [...new Set([join(dataDir, 'genesis.json'), join(dir, 'genesis.json'), join(ledgerDir, 'genesis.json')])];
  const found = places.find((p) => existsSync(p));
  if (!found) throw new CliError(`no genesis file at ${places.join(' or ')}; pass --genesis <file>`);
  return found;
}

/** Reads a checkpoint file (as `mra-hub ledger prove --save` or a node's checkpoints/ write them). */
export function readCheckpointArg(path: string): Checkpoint {
  if (!existsSync(path)) throw new CliError(`no checkpoint file at ${path}`);
  try {
    return parseCheckpoint(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new CliError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
