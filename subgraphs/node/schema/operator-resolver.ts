// type-graphql reads the metadata API even when every type is given explicitly.
import 'reflect-metadata';
import { Arg, Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import {
  activeMrasBetween, verifyInclusionProof, type OperatorRecord,
} from '../../ledger/index.js';
import { mayView } from '../access/index.js';
import type { NodeContext } from '../country-node.js';
import { nodeError } from '../errors.js';
import { privateDigest, type PrivateRecord } from '../private-store.js';
import { OperatorConnectionType } from './connection-types.js';
import { OperatorRole, OperatorStatus } from './enums.js';
import { ContactType, OperatorProofType, OperatorType, RecognitionType } from './operator-types.js';
import { pageOperators } from './paging.js';

/** Operator queries and the Operator fields computed from the replica and the private store. */
@Resolver(() => OperatorType)
export class OperatorResolver {
  @Directive('@shareable')
  @Query(() => OperatorType, { nullable: true, description: 'One operator by its country-prefixed id' })
  operator(@Arg('aeoId', () => String) aeoId: string, @Ctx() { node }: NodeContext): OperatorRecord | null {
    return node.operator(aeoId) ?? null;
  }

  @Directive('@shareable')
  @Query(() => OperatorConnectionType, { description: 'Operators in this replica, ordered by aeoId; filters are optional' })
  operators(
    @Ctx() { node, caller }: NodeContext,
    @Arg('country', () => String, { nullable: true }) country?: string | null,
    @Arg('status', () => OperatorStatus, { nullable: true }) status?: string | null,
    @Arg('role', () => OperatorRole, { nullable: true, description: 'Only operators whose roles the caller may see' }) role?: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    const state = node.replica.state;
    const matches = (op: OperatorRecord) =>
      (!country || op.country === country) &&
      (!status || op.status === status) &&
      // Filtering on a field the caller may not see would reveal it, so such operators drop out.
      (!role || (op.roles.includes(role as OperatorRecord['roles'][number]) && mayView(state, caller, op.country, 'roles')));
    return pageOperators([...state.operators.values()].filter(matches), first ?? 20, after);
  }

  @FieldResolver(() => [RecognitionType], { nullable: true, description: 'Partners recognising this AEO under active MRAs' })
  recognizedBy(@Root() op: OperatorRecord, @Ctx() { node }: NodeContext): RecognitionType[] {
    const state = node.replica.state;
    return Object.keys(state.authorities)
      .filter((partner) => partner !== op.country)
      .flatMap((partner) => activeMrasBetween(state, op.country, partner).map((mra) => ({ partner, mraId: mra.id, mraName: mra.name })));
  }

  @FieldResolver(() => OperatorProofType, { nullable: true })
  proof(@Root() op: OperatorRecord, @Ctx() { node }: NodeContext): OperatorProofType {
    const replica = node.replica;
    const proof = replica.inclusionProof(op.country, op.lastEntry.sequence);
    const entry = replica.chain(op.country).at(op.lastEntry.sequence);
    return {
      entryHash: op.lastEntry.hash,
      sequence: op.lastEntry.sequence,
      treeSize: proof.treeSize,
      rootHash: proof.rootHash,
      inclusionPath: [...proof.path],
      checkpoint: replica.latestCheckpoint(op.country),
      verified: entry !== undefined && verifyInclusionProof(entry, proof),
    };
  }

  @FieldResolver(() => String, { nullable: true, description: 'Private: served by the issuing authority only' })
  taxId(@Root() op: OperatorRecord, @Ctx() ctx: NodeContext): string | null {
    return privateRecord(op, ctx)?.taxId ?? null;
  }

  @FieldResolver(() => ContactType, { nullable: true, description: 'Private' })
  contact(@Root() op: OperatorRecord, @Ctx() ctx: NodeContext): ContactType | null {
    return privateRecord(op, ctx)?.contact ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Private: 0 (lowest) to 100' })
  riskScore(@Root() op: OperatorRecord, @Ctx() ctx: NodeContext): number | null {
    return privateRecord(op, ctx)?.riskScore ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Private' })
  auditNotes(@Root() op: OperatorRecord, @Ctx() ctx: NodeContext): string | null {
    return privateRecord(op, ctx)?.auditNotes ?? null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'The private data served matches the digest on the ledger' })
  privateDataVerified(@Root() op: OperatorRecord, @Ctx() ctx: NodeContext): boolean | null {
    const record = privateRecord(op, ctx);
    return record ? op.privateDigest !== null && privateDigest(record) === op.privateDigest : null;
  }
}

/** The private record, which only the issuing authority's node holds. */
function privateRecord(op: OperatorRecord, { node }: NodeContext): PrivateRecord | null {
  if (op.country !== node.country) {
    throw nodeError('PRIVATE_DATA_ELSEWHERE', `private data of ${op.aeoId} is held by ${op.country}'s node`, { owner: op.country });
  }
  return node.privateStore.get(op.aeoId) ?? null;
}
