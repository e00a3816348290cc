// type-graphql reads the metadata API even when every type is given explicitly.
import 'reflect-metadata';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { CheckpointType } from './operator-types.js';

@Directive('@shareable')
@ObjectType('ConsistencyProof', { description: 'RFC 9162 proof that the tree of fromSize entries is a prefix of the tree of toSize entries' })
export class ConsistencyProofType {
  @Field(() => String) country!: string;
  @Field(() => Int) fromSize!: number;
  @Field(() => Int) toSize!: number;
  @Field(() => String, { description: 'Merkle root of the first fromSize entries, hex' }) fromRoot!: string;
  @Field(() => String, { description: 'Merkle root of the first toSize entries, hex' }) toRoot!: string;
  @Field(() => [String], { description: 'Consistency path, hex' }) path!: string[];
  @Field(() => CheckpointType, { nullable: true, description: 'The signed checkpoint at toSize, when this replica holds one there' })
  toCheckpoint!: CheckpointType | null;
}

@Directive('@shareable')
@ObjectType('LedgerEntryPage', { description: 'A page of one chain, for peer catch-up and recovery; every entry is verified by the reader' })
export class LedgerEntryPageType {
  @Field(() => String) country!: string;
  @Field(() => Int, { description: 'Sequence of the first entry on this page' }) from!: number;
  @Field(() => Int, { description: 'Entries this replica holds for the chain' }) height!: number;
  @Field(() => [String], { description: 'Entries as canonical JSON (RFC 8785), in sequence order' }) entries!: string[];
  @Field(() => CheckpointType, { nullable: true, description: 'The newest checkpoint this replica holds for the chain' }) checkpoint!: CheckpointType | null;
}
