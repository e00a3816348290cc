import { z } from 'zod';
import { certificateEntrySchemas } from './certificates/schemas.js';
import { publicKeySchema, signatureSchema } from './encoding.js';

/** ISO 3166-1 alpha-2 code of a customs authority (MX, CR, PE, ...). */
export const countrySchema = z.string().regex(/^[A-Z]{2}$/, 'a two-letter upper-case country code');
/** Country-prefixed AEO id, e.g. CR-AEO-000042 (the prefix names the issuing authority). */
export const aeoIdSchema = z.string().regex(/^[A-Z]{2}-AEO-\d{6}$/, 'an AEO id like CR-AEO-000042');
const isoDate = z.iso.date();
const isoTime = z.iso.datetime({ offset: true });
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest');

export const OPERATOR_ROLES = [
  'IMPORTER_EXPORTER', 'CUSTOMS_BROKER', 'CARRIER', 'WAREHOUSE', 'MANUFACTURER', 'LOGISTICS_PROVIDER', 'OTHER',
] as const;
export const CALLER_ROLES = ['officer', 'analyst', 'admin'] as const;

export const addressSchema = z.strictObject({
  street: z.string().min(1),
  city: z.string().min(1),
  region: z.string().optional(),
  postalCode: z.string().optional(),
  country: countrySchema,
});

const operatorFields = {
  legalName: z.string().min(1).max(300),
  tradeName: z.string().max(300),
  roles: z.array(z.enum(OPERATOR_ROLES)).min(1),
  validFrom: isoDate,
  validUntil: isoDate,
  address: addressSchema,
};

/** Which fields a partner authority's callers in a role may see (`partner: '*'` = every party). */
export const termSchema = z.strictObject({
  partner: z.union([countrySchema, z.literal('*')]),
  role: z.enum(CALLER_ROLES),
  fields: z.array(z.string().min(1)),
});

export const memberSchema = z.strictObject({ country: countrySchema, name: z.string().min(1), publicKey: publicKeySchema });

const statusChange = z.strictObject({ aeoId: aeoIdSchema, reason: z.string().min(1).max(1000) });

/** Every entry type with its payload; the ledger's whole vocabulary. */
export const entryContentSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('AEO_GRANTED'), payload: z.strictObject({ aeoId: aeoIdSchema, ...operatorFields }) }),
  z.strictObject({
    type: z.literal('AEO_UPDATED'),
    payload: z.strictObject({ aeoId: aeoIdSchema, changes: z.strictObject(operatorFields).partial() }),
  }),
  z.strictObject({ type: z.literal('AEO_SUSPENDED'), payload: statusChange }),
  z.strictObject({ type: z.literal('AEO_REINSTATED'), payload: statusChange }),
  z.strictObject({ type: z.literal('AEO_REVOKED'), payload: statusChange }),
  z.strictObject({
    type: z.literal('MRA_PROPOSED'),
    payload: z.strictObject({
      mraId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/),
      version: z.int().positive(),
      name: z.string().min(1),
      parties: z.array(countrySchema).min(2),
      terms: z.array(termSchema),
      newMembers: z.array(memberSchema),
    }),
  }),
  z.strictObject({ type: z.literal('MRA_APPROVED'), payload: z.strictObject({ mraId: z.string(), version: z.int().positive() }) }),
  z.strictObject({ type: z.literal('MRA_RETIRED'), payload: z.strictObject({ mraId: z.string(), reason: z.string().min(1) }) }),
  z.strictObject({ type: z.literal('AUTHORITY_KEY_ROTATED'), payload: z.strictObject({ publicKey: publicKeySchema }) }),
  ...certificateEntrySchemas,
]);

/** The envelope of an entry; its `type`/`payload` pair is checked by `entryContentSchema`. */
export const entryEnvelopeSchema = z.strictObject({
  v: z.literal(1),
  network: hex64,
  authority: countrySchema,
  sequence: z.int().positive(),
  type: z.string(),
  payload: z.unknown(),
  privateDigest: hex64.nullable(),
  previousHash: hex64,
  timestamp: isoTime,
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  hash: hex64,
  signature: signatureSchema,
});

export type OperatorRole = (typeof OPERATOR_ROLES)[number];
export type CallerRole = (typeof CALLER_ROLES)[number];
export type Address = z.infer<typeof addressSchema>;
export type MraTerm = z.infer<typeof termSchema>;
export type Member = z.infer<typeof memberSchema>;
export type EntryContent = z.infer<typeof entryContentSchema>;
export type EntryType = EntryContent['type'];
/** A signed ledger entry. `previousHash` of sequence 1 is the network (genesis) hash. */
export type Entry = EntryContent extends infer C ? (C extends EntryContent ? EnvelopeFields & C : never) : never;
type EnvelopeFields = Omit<z.infer<typeof entryEnvelopeSchema>, 'type' | 'payload'>;
export type PayloadOf<T extends EntryType> = Extract<EntryContent, { type: T }>['payload'];
