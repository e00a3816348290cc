// type-graphql reads the metadata API even when every type is given explicitly.
import 'reflect-metadata';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { OperatorRole, OperatorStatus } from './enums.js';

@Directive('@shareable')
@ObjectType('Address')
export class AddressType {
  @Field(() => String) street!: string;
  @Field(() => String) city!: string;
  @Field(() => String, { nullable: true }) region?: string;
  @Field(() => String, { nullable: true }) postalCode?: string;
  @Field(() => String) country!: string;
}

@Directive('@shareable')
@ObjectType('StatusEvent', { description: 'One status step, with the ledger entry that recorded it' })
export class StatusEventType {
  @Field(() => String) type!: string;
  @Field(() => OperatorStatus) status!: string;
  @Field(() => String, { description: 'ISO 8601 time of the entry' }) at!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => Int) sequence!: number;
  @Field(() => String) entryHash!: string;
}

@Directive('@shareable')
@ObjectType('Recognition', { description: 'A partner that recognises this AEO under an active MRA' })
export class RecognitionType {
  @Field(() => String) partner!: string;
  @Field(() => String) mraId!: string;
  @Field(() => String) mraName!: string;
}

@Directive('@shareable')
@ObjectType('Contact')
export class ContactType {
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String) phone!: string;
}

@Directive('@shareable')
@ObjectType('Checkpoint', { description: 'A tree head signed by the chain owner (RFC 9162 style)' })
export class CheckpointType {
  @Field(() => String, { description: 'The network (genesis digest) the checkpoint belongs to' }) network!: string;
  @Field(() => String) authority!: string;
  @Field(() => Int) treeSize!: number;
  @Field(() => String) rootHash!: string;
  @Field(() => String) timestamp!: string;
  @Field(() => String) keyId!: string;
  @Field(() => String) signature!: string;
}

@Directive('@shareable')
@ObjectType('OperatorProof', { description: 'Where the latest entry about this operator sits in its authority\'s chain' })
export class OperatorProofType {
  @Field(() => String) entryHash!: string;
  @Field(() => Int) sequence!: number;
  @Field(() => Int) treeSize!: number;
  @Field(() => String) rootHash!: string;
  @Field(() => [String], { description: 'RFC 9162 inclusion path, hex' }) inclusionPath!: string[];
  @Field(() => CheckpointType, { nullable: true }) checkpoint!: CheckpointType | null;
  @Field(() => Boolean, { description: 'The inclusion proof verified against this replica' }) verified!: boolean;
}

@Directive('@key(fields: "aeoId")')
@Directive('@shareable')
@ObjectType('Operator', { description: 'An Authorized Economic Operator. Fields beyond aeoId, country and status follow the MRA terms.' })
export class OperatorType {
  @Field(() => String, { description: 'Country-prefixed id, e.g. CR-AEO-000042' }) aeoId!: string;
  @Field(() => String) country!: string;
  @Field(() => OperatorStatus) status!: string;
  @Field(() => String, { nullable: true }) legalName!: string;
  @Field(() => String, { nullable: true }) tradeName!: string;
  @Field(() => [OperatorRole], { nullable: true }) roles!: string[];
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) validFrom!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) validUntil!: string;
  @Field(() => AddressType, { nullable: true }) address!: AddressType;
  @Field(() => [StatusEventType], { nullable: true }) history!: StatusEventType[];
}
