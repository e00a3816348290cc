// type-graphql reads the metadata API even when every type is given explicitly.
import 'reflect-metadata';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfoType } from './connection-types.js';

export const CertificateStatus = {
  ISSUED: 'ISSUED', RECEIVED: 'RECEIVED', ACCEPTED: 'ACCEPTED', REJECTED: 'REJECTED', CONSUMED: 'CONSUMED', REPLACED: 'REPLACED', WITHDRAWN: 'WITHDRAWN',
} as const;
export const CertificateDirection = { OUTBOUND: 'OUTBOUND', INBOUND: 'INBOUND' } as const;
export const CertificateFormat = { XML: 'XML', JSON: 'JSON' } as const;
export const Authenticity = { GENUINE: 'GENUINE', ALTERED: 'ALTERED', UNKNOWN: 'UNKNOWN' } as const;

registerEnumType(CertificateStatus, { name: 'CertificateStatus', description: 'Derived from the signed steps of the exporter and the named importer' });
registerEnumType(CertificateDirection, { name: 'CertificateDirection', description: 'OUTBOUND: issued by the caller\'s authority; INBOUND: addressed to it' });
registerEnumType(CertificateFormat, { name: 'CertificateFormat', description: 'XML: ePhyto (UN/CEFACT SPSCertificate); JSON: the same fields' });
registerEnumType(Authenticity, { name: 'Authenticity', description: 'Whether a copy matches the digest its issuer put on the ledger' });

@Directive('@shareable')
@ObjectType('CertificateStep', { description: 'One signed lifecycle step, with the ledger entry that recorded it' })
export class CertificateStepType {
  @Field(() => CertificateStatus) kind!: string;
  @Field(() => String) authority!: string;
  @Field(() => String) at!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true, description: 'The clearance that consumed it, or the replacing certificate' }) reference!: string | null;
  @Field(() => Int) sequence!: number;
  @Field(() => String) entryHash!: string;
}

@Directive('@key(fields: "number")')
@Directive('@shareable')
@ObjectType('Certificate', { description: 'A G2G phytosanitary certificate: public facts from the ledger; its document only for the two authorities' })
export class CertificateType {
  @Field(() => String) number!: string;
  @Field(() => String, { description: 'Exporting country (the issuing NPPO\'s authority)' }) exporter!: string;
  @Field(() => String, { description: 'Importing country, the only other authority that may read the document' }) importer!: string;
  @Field(() => CertificateStatus) status!: string;
  @Field(() => String, { description: 'SHA-256 of the document\'s canonical JSON, as on the ledger' }) digest!: string;
  @Field(() => String, { description: 'When the issuer signed the issue entry (ledger time)' }) issuedAt!: string;
  @Field(() => String, { nullable: true }) replaces!: string | null;
  @Field(() => String, { nullable: true }) replacedBy!: string | null;
  @Field(() => [CertificateStepType]) steps!: CertificateStepType[];
}

@Directive('@shareable')
@ObjectType('CertificateEdge')
export class CertificateEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => CertificateType) node!: CertificateType;
}

@Directive('@shareable')
@ObjectType('CertificateConnection', { description: 'Relay connection over certificates, newest first' })
export class CertificateConnectionType {
  @Field(() => [CertificateEdgeType]) edges!: CertificateEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int) totalCount!: number;
}

@Directive('@shareable')
@ObjectType('CertificateCheck', { description: 'Authenticity check of a copy against the issuer\'s ledger entry (GeNS-style)' })
export class CertificateCheckType {
  @Field(() => String) number!: string;
  @Field(() => String) digest!: string;
  @Field(() => Authenticity) authenticity!: string;
  @Field(() => CertificateStatus, { nullable: true }) status!: string | null;
  @Field(() => Boolean, { description: 'Genuine and neither withdrawn nor replaced' }) valid!: boolean;
  @Field(() => String, { nullable: true }) exporter!: string | null;
  @Field(() => String, { nullable: true }) importer!: string | null;
  @Field(() => String, { nullable: true }) replacedBy!: string | null;
}
