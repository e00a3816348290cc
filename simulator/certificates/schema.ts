import { z } from 'zod';

/** The exchange mechanisms a certificate scenario compares. */
export const CERTIFICATE_MECHANISMS = ['bilateral-bridges', 'central-hub', 'shared-ledger'] as const;
export type CertificateMechanism = (typeof CERTIFICATE_MECHANISMS)[number];

/** Country codes the scenario's N authorities take, in order (ePhyto users of the Americas first). */
export const AUTHORITY_CODES = [
  'CR', 'MX', 'PE', 'CO', 'CL', 'EC', 'GT', 'BO', 'AR', 'BR', 'US', 'CA', 'UY', 'PY', 'PA', 'HN', 'SV', 'NI', 'DO', 'JM',
  'NL', 'FR', 'ES', 'DE', 'IT', 'KE', 'ZA', 'MA', 'EG', 'IN', 'CN', 'JP', 'KR', 'AU', 'NZ', 'VN', 'TH', 'ID', 'PH', 'MY',
] as const;

const share = z.number().min(0).max(1);
const range = z.tuple([z.number().nonnegative(), z.number().nonnegative()]).refine(([a, b]) => a <= b, 'a [min, max] pair with min <= max');
/** Random faults: arrivals at `perYear` (Poisson), each lasting an exponential time of mean `meanRepairHours`. */
const random = z.strictObject({ perYear: z.number().nonnegative(), meanRepairHours: z.number().positive() });
/** What a border check without the ledger catches (assumptions: it depends on each authority's own systems). */
const plainChecks = {
  transferSeconds: range,
  /** Share of altered or forged copies caught: the checker must see the importer's electronic copy. */
  alteredCopyCaughtShare: share,
  /** Share of second uses caught: the importer's own systems must record each clearance. */
  reuseCaughtShare: share,
};

/**
 * A certificate-exchange scenario: N authorities exchanging ePhyto certificates through
 * bilateral bridges, a central hub and the shared ledger, on the same seeded shipments and faults.
 */
export const certificateScenarioSchema = z.strictObject({
  kind: z.literal('certificate-exchange'),
  name: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  title: z.string().min(1).optional(),
  description: z.string(),
  start: z.iso.date(),
  days: z.int().min(1).max(366),
  /** N: authorities exchanging certificates, each with every other one. */
  authorities: z.int().min(2).max(AUTHORITY_CODES.length),
  /** Certificates each authority issues a day (Poisson), each to a partner drawn uniformly. */
  certificatesPerAuthorityDay: z.number().nonnegative(),
  /** From the importer holding the certificate to the clearance that consumes it. */
  clearanceHours: range,
  bridges: z.strictObject(plainChecks),
  hub: z.strictObject(plainChecks),
  /** From issue to the importer's signed receipt once both nodes are up (replication and content fetch). */
  ledger: z.strictObject({ transferSeconds: range }),
  faults: z.strictObject({
    /** `hub`, a bridge `CR-MX`, or an authority's own system `CR`. */
    outages: z.array(z.strictObject({ target: z.string(), fromDay: z.number().nonnegative(), hours: z.number().positive() })).default([]),
    /** Random outages of the hub, of each bridge and of each authority's own system (node or back office). */
    random: z.strictObject({ hub: random, bridge: random, system: random }).partial().default({}),
  }).default({ outages: [], random: {} }),
  /** Dishonest traders across the network: altered or forged paper copies, and certificates presented twice. */
  fraud: z.strictObject({ alteredCopiesPerDay: z.number().nonnegative(), reusesPerDay: z.number().nonnegative() }),
  sources: z.record(z.string(), z.string().min(1)).default({}),
  mechanisms: z.array(z.enum(CERTIFICATE_MECHANISMS)).min(1),
});

export type CertificateScenario = z.infer<typeof certificateScenarioSchema>;
