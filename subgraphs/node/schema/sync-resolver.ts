// type-graphql reads the metadata API even when every type is given explicitly.
import 'reflect-metadata';
import { Arg, Ctx, Directive, Int, Query, Resolver } from 'type-graphql';
import { canonicalJson, type Checkpoint } from '../../ledger/index.js';
import type { NodeContext } from '../country-node.js';
import { nodeError, unauthenticated } from '../errors.js';
import { CheckpointType } from './operator-types.js';
import { ConsistencyProofType, LedgerEntryPageType } from './sync-types.js';

const MAX_PAGE = 1000;

/** Checkpoints, consistency proofs and paged entries: what auditors and peer nodes ask a replica. */
@Resolver()
export class SyncResolver {
  @Directive('@shareable')
  @Query(() => [CheckpointType], { description: 'The newest signed checkpoint this replica holds for each chain' })
  checkpoints(@Ctx() { node }: NodeContext): Checkpoint[] {
    return node.replica.checkpoints().sort((a, b) => a.authority.localeCompare(b.authority));
  }

  @Directive('@shareable')
  @Query(() => ConsistencyProofType, { description: 'Proof that a chain at fromSize is a prefix of it at toSize (default: its newest checkpoint)' })
  consistencyProof(
    @Arg('country', () => String) country: string,
    @Arg('fromSize', () => Int) fromSize: number,
    @Arg('toSize', () => Int, { nullable: true }) toSize: number | null | undefined,
    @Ctx() { node }: NodeContext,
  ): ConsistencyProofType {
    const latest = node.replica.latestCheckpoint(country);
    const to = toSize ?? latest?.treeSize ?? node.replica.height(country);
    if (!Number.isInteger(fromSize) || fromSize < 1 || fromSize > to || to > node.replica.height(country)) {
      throw nodeError('BAD_USER_INPUT', `no consistency proof from ${fromSize} to ${to}: this replica holds ${node.replica.height(country)} entries of ${country}`);
    }
    const proof = node.replica.consistencyProof(country, fromSize, to);
    return {
      country, fromSize, toSize: to, fromRoot: proof.oldRoot, toRoot: proof.newRoot, path: [...proof.path],
      toCheckpoint: latest?.treeSize === to ? latest : null,
    };
  }

  @Directive('@shareable')
  @Query(() => LedgerEntryPageType, { description: 'Entries of a chain from a sequence on: for authorities\' admins (peer nodes) only' })
  ledgerEntries(
    @Arg('country', () => String) country: string,
    @Arg('from', () => Int) from: number,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 500 }) limit: number,
    @Ctx() { node, caller }: NodeContext,
  ): LedgerEntryPageType {
    if (!caller) throw unauthenticated('ledgerEntries needs a bearer token');
    if (caller.role !== 'admin') throw nodeError('FORBIDDEN', 'ledger entries are served to authorities\' admins (peer nodes) only');
    if (!Number.isInteger(from) || from < 1 || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
      throw nodeError('BAD_USER_INPUT', `from must be 1 or more and limit 1 to ${MAX_PAGE}`);
    }
    const chain = node.replica.chain(country);
    return {
      country, from, height: chain.length,
      entries: chain.range(from, from + limit - 1).map((e) => canonicalJson(e)),
      checkpoint: node.replica.latestCheckpoint(country),
    };
  }
}
