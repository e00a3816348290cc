// type-graphql reads the metadata API even when every type is given explicitly.
import 'reflect-metadata';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { CallerRole, MraStatus } from './enums.js';

@Directive('@shareable')
@ObjectType('MraTerm', { description: 'Fields that callers of a partner (or every partner: *) in a role may see' })
export class MraTermType {
  @Field(() => String) partner!: string;
  @Field(() => CallerRole) role!: string;
  @Field(() => [String]) fields!: string[];
}

@Directive('@shareable')
@ObjectType('MraPending', { description: 'A proposal or amendment still awaiting approvals' })
export class MraPendingType {
  @Field(() => Int) version!: number;
  @Field(() => [String]) awaiting!: string[];
}

@Directive('@shareable')
@ObjectType('Mra')
export class MraType {
  @Field(() => String) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [String]) parties!: string[];
  @Field(() => MraStatus) status!: string;
  @Field(() => String, { nullable: true }) signedAt!: string | null;
  @Field(() => String, { nullable: true }) retiredAt!: string | null;
  @Field(() => Int, { nullable: true }) activeVersion!: number | null;
  @Field(() => [MraTermType]) terms!: MraTermType[];
  @Field(() => MraPendingType, { nullable: true }) pending!: MraPendingType | null;
}

@Directive('@shareable')
@ObjectType('LedgerHead', { description: 'The head of one authority\'s chain in this replica' })
export class LedgerHeadType {
  @Field(() => String) country!: string;
  @Field(() => Int) sequence!: number;
  @Field(() => String, { nullable: true }) hash!: string | null;
  @Field(() => String) rootHash!: string;
  @Field(() => String, { nullable: true }) timestamp!: string | null;
}

@Directive('@shareable')
@ObjectType('Authority')
export class AuthorityType {
  @Field(() => String) country!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Current Ed25519 public key, base64url' }) publicKey!: string;
  @Field(() => String) keyId!: string;
  @Field(() => LedgerHeadType) chainHead!: LedgerHeadType;
}
