// type-graphql reads the metadata API even when every type is given explicitly.
import 'reflect-metadata';
import { Field, InputType, Int } from 'type-graphql';
import { CallerRole, OperatorRole } from './enums.js';

@InputType('AddressInput')
export class AddressInput {
  @Field(() => String) street!: string;
  @Field(() => String) city!: string;
  @Field(() => String, { nullable: true }) region?: string;
  @Field(() => String, { nullable: true }) postalCode?: string;
  @Field(() => String) country!: string;
}

@InputType('ContactInput')
export class ContactInput {
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String) phone!: string;
}

@InputType('PrivateDataInput', { description: 'Kept at this node only; its salted digest goes on the ledger' })
export class PrivateDataInput {
  @Field(() => String) taxId!: string;
  @Field(() => ContactInput) contact!: ContactInput;
  @Field(() => Int, { description: '0 (lowest) to 100' }) riskScore!: number;
  @Field(() => String) auditNotes!: string;
}

@InputType('GrantAeoInput')
export class GrantAeoInput {
  @Field(() => String, { nullable: true, description: 'Default: the next free <CC>-AEO-nnnnnn' }) aeoId?: string;
  @Field(() => String) legalName!: string;
  @Field(() => String) tradeName!: string;
  @Field(() => [OperatorRole]) roles!: string[];
  @Field(() => String, { description: 'YYYY-MM-DD' }) validFrom!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) validUntil!: string;
  @Field(() => AddressInput) address!: AddressInput;
  @Field(() => PrivateDataInput) private!: PrivateDataInput;
}

@InputType('UpdateAeoInput', { description: 'Only the fields given change' })
export class UpdateAeoInput {
  @Field(() => String) aeoId!: string;
  @Field(() => String, { nullable: true }) legalName?: string;
  @Field(() => String, { nullable: true }) tradeName?: string;
  @Field(() => [OperatorRole], { nullable: true }) roles?: string[];
  @Field(() => String, { nullable: true }) validFrom?: string;
  @Field(() => String, { nullable: true }) validUntil?: string;
  @Field(() => AddressInput, { nullable: true }) address?: AddressInput;
  @Field(() => PrivateDataInput, { nullable: true }) private?: PrivateDataInput;
}

@InputType('MraTermInput')
export class MraTermInput {
  @Field(() => String, { description: 'Partner country, or * for every party' }) partner!: string;
  @Field(() => CallerRole) role!: string;
  @Field(() => [String]) fields!: string[];
}

@InputType('NewMemberInput')
export class NewMemberInput {
  @Field(() => String) country!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Ed25519 public key, base64url' }) publicKey!: string;
}

@InputType('ProposeMraInput')
export class ProposeMraInput {
  @Field(() => String) mraId!: string;
  @Field(() => String) name!: string;
  @Field(() => [String]) parties!: string[];
  @Field(() => [MraTermInput]) terms!: MraTermInput[];
  @Field(() => [NewMemberInput], { nullable: true }) newMembers?: NewMemberInput[];
}
