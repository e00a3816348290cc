import { z } from 'zod';

/*
 * Certificate entries carry only what the network must see: number, importing country, the
 * document's digest and the lifecycle step. The exporter is the entry's authority. The document
 * itself stays at the exporter's node (see subgraphs/certificates/README.md).
 */

/** A certificate number prefixed by the issuing country, e.g. CR-PC-2026-000123. */
export const certificateNumberSchema = z
  .string()
  .regex(/^[A-Z]{2}-[A-Za-z0-9][A-Za-z0-9._/-]{0,62}$/, 'a certificate number prefixed by the issuing country, like CR-PC-2026-000123');
// Defined here rather than imported from ../schemas.ts, which imports this file.
const country = z.string().regex(/^[A-Z]{2}$/, 'a two-letter upper-case country code');
const digest = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest');
const reason = z.string().min(1).max(1000);

/** The certificate entry types with their payloads, spread into the ledger's entry union. */
export const certificateEntrySchemas = [
  z.strictObject({
    type: z.literal('CERT_ISSUED'),
    payload: z.strictObject({
      number: certificateNumberSchema,
      importer: country,
      digest,
      /** ISPM 12 replacement: the certificate this one replaces and cancels. */
      replaces: certificateNumberSchema.nullable(),
    }),
  }),
  z.strictObject({ type: z.literal('CERT_WITHDRAWN'), payload: z.strictObject({ number: certificateNumberSchema, reason }) }),
  z.strictObject({ type: z.literal('CERT_RECEIVED'), payload: z.strictObject({ number: certificateNumberSchema, digest }) }),
  z.strictObject({ type: z.literal('CERT_ACCEPTED'), payload: z.strictObject({ number: certificateNumberSchema }) }),
  z.strictObject({ type: z.literal('CERT_REJECTED'), payload: z.strictObject({ number: certificateNumberSchema, reason }) }),
  z.strictObject({
    type: z.literal('CERT_CONSUMED'),
    payload: z.strictObject({ number: certificateNumberSchema, clearance: z.string().min(1).max(100) }),
  }),
] as const;

export type CertificateEntryContent = z.infer<(typeof certificateEntrySchemas)[number]>;
export type CertificateEntryType = CertificateEntryContent['type'];
export const CERTIFICATE_ENTRY_TYPES: ReadonlySet<string> = new Set(certificateEntrySchemas.map((s) => s.shape.type.value));
