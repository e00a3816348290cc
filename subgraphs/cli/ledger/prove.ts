import { accessSync, constants, existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  checkCheckpointSignature, initialState, networkId, verifyConsistencyProof, type Checkpoint,
} from '../../ledger/index.js';
import { PeerClient, PeerError, type PeerProof } from '../../node/index.js';
import { CliError } from '../errors.js';
import { readGenesis } from '../key-files.js';
import { readCheckpointArg } from './ledger-dir.js';

export interface ProveOptions {
  readonly node: string;
  readonly country: string;
  readonly from: string;
  readonly to?: string;
  readonly genesis?: string;
  readonly save?: string;
}

/** A tree size (RFC 9162 proves consistency from size 1 on), or a checkpoint file standing for its tree size and root. */
function sizeOrCheckpoint(value: string, option: string): { size: number; checkpoint: Checkpoint | null } {
  if (/^\d+$/.test(value)) {
    if (Number(value) < 1) throw new CliError(`${option} ${value}: a tree size starts at 1`);
    return { size: Number(value), checkpoint: null };
  }
  const checkpoint = readCheckpointArg(value);
  return { size: checkpoint.treeSize, checkpoint };
}

/**
 * `mra-hub ledger prove`: asks a node for an RFC 9162 consistency proof between two sizes of a
 * chain and checks it here; given checkpoint files (or the node's newest checkpoint), also checks
 * their signatures against the genesis and that the proof joins exactly their roots.
 */
export async function runProve(options: ProveOptions): Promise<void> {
  const from = sizeOrCheckpoint(options.from, '--from');
  const to = options.to ? sizeOrCheckpoint(options.to, '--to') : { size: null, checkpoint: null };
  if (options.save) checkWritable(options.save);
  const proof = await askForProof(options.node, options.country, from.size, to.size);
  const failures: string[] = [];
  if (!verifyConsistencyProof({ oldSize: proof.fromSize, newSize: proof.toSize, oldRoot: proof.fromRoot, newRoot: proof.toRoot, path: proof.path })) {
    failures.push(`BAD_PROOF: the path does not join root ${proof.fromRoot.slice(0, 16)}… at ${proof.fromSize} to ${proof.toRoot.slice(0, 16)}… at ${proof.toSize}`);
  }
  const signed = [
    { at: 'from', checkpoint: from.checkpoint, root: proof.fromRoot, size: proof.fromSize },
    { at: 'to', checkpoint: to.checkpoint ?? proof.toCheckpoint, root: proof.toRoot, size: proof.toSize },
  ].filter((c): c is typeof c & { checkpoint: Checkpoint } => c.checkpoint !== null);
  if (signed.length > 0) {
    if (!options.genesis) throw new CliError('checking signed checkpoints needs --genesis <file>');
    const genesis = readGenesis(options.genesis);
    const state = initialState(genesis, networkId(genesis));
    for (const { at, checkpoint, root, size } of signed) {
      try {
        checkCheckpointSignature(state, checkpoint);
      } catch (error) {
        failures.push(`BAD_CHECKPOINT (${at}): ${error instanceof Error ? error.message : String(error)}`);
      }
      if (checkpoint.authority !== options.country || checkpoint.treeSize !== size || checkpoint.rootHash !== root) {
        failures.push(`BAD_CHECKPOINT (${at}): the checkpoint of ${checkpoint.authority} at ${checkpoint.treeSize} is not the tree the proof covers`);
      }
    }
  }
  console.log(`${options.country}: ${proof.fromSize} → ${proof.toSize}  root ${proof.fromRoot.slice(0, 16)}… → ${proof.toRoot.slice(0, 16)}…  path ${proof.path.length} hashes, ${signed.length} signed checkpoint(s)`);
  for (const failure of failures) console.log(`  ✗ ${failure}`);
  console.log(failures.length === 0 ? 'CONSISTENT' : 'FAILED');
  if (failures.length > 0) process.exitCode = 1;
  const saved = to.checkpoint ?? proof.toCheckpoint;
  if (options.save && saved && failures.length === 0) writeFileSync(options.save, `${JSON.stringify(saved, null, 2)}\n`);
}

/** The node's proof; what the node refuses or cannot answer (down, unknown chain, size beyond it) is one line. */
async function askForProof(node: string, country: string, fromSize: number, toSize: number | null): Promise<PeerProof> {
  try {
    return await new PeerClient(node).consistencyProof(country, fromSize, toSize);
  } catch (error) {
    if (error instanceof PeerError) throw new CliError(`${error.code}: ${error.message}`);
    throw error;
  }
}

/** --save is checked before proving: a proof cannot end in "CONSISTENT" and then a write error. */
function checkWritable(path: string): void {
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new CliError(`--save ${path}: ${folder} is not a directory`);
  try {
    accessSync(existsSync(path) ? path : folder, constants.W_OK);
  } catch {
    throw new CliError(`--save ${path}: not writable`);
  }
}
