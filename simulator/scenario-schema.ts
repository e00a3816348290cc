import { z } from 'zod';

export const MECHANISMS = ['email-monthly', 'batch-daily', 'hub', 'shared-ledger', 'bridged-ledgers'] as const;
export type MechanismName = (typeof MECHANISMS)[number];

const country = z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code');
const share = z.number().min(0).max(1);
const range = z.tuple([z.number().nonnegative(), z.number().nonnegative()]).refine(([a, b]) => a <= b, 'a [min, max] pair with min <= max');
const window = z.strictObject({ fromDay: z.number().nonnegative(), hours: z.number().positive() });

/** A scenario file: a seeded world and the exchange mechanisms to compare on it. */
export const scenarioSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  description: z.string(),
  start: z.iso.date(),
  days: z.int().min(1).max(3660),
  countries: z.record(country, z.strictObject({
    name: z.string(),
    locale: z.enum(['es_MX', 'es', 'en']).default('es'),
    aeos: z.partialRecord(z.enum(['IMPORTER_EXPORTER', 'CUSTOMS_BROKER', 'CARRIER', 'WAREHOUSE', 'MANUFACTURER', 'LOGISTICS_PROVIDER', 'OTHER']), z.int().nonnegative()),
    declarationsPerDay: z.int().nonnegative(),
    /** Share of this country's declarations lodged by AEOs of its MRA partners. */
    partnerAeoShare: share,
  })).refine((c) => Object.keys(c).length >= 2, 'at least two countries'),
  mras: z.array(z.strictObject({
    id: z.string(),
    parties: z.array(country).min(2),
    /** Day (from start) on which the last party signs. */
    signedDay: z.number().nonnegative().default(0),
  })).min(1),
  inspection: z.strictObject({ aeoRate: share, nonAeoRate: share, inspectedMinutes: z.number().positive(), clearedMinutes: z.number().positive() }),
  statusChanges: z.strictObject({
    /** Expected suspensions per AEO per year. */
    suspensionsPerAeoYear: z.number().nonnegative(),
    /** Share of suspensions later reinstated, and after how many days. */
    reinstatedShare: share,
    reinstatedAfterDays: range,
    revocationsPerAeoYear: z.number().nonnegative(),
  }),
  network: z.strictObject({ latencyMs: range, loss: share }).default({ latencyMs: [20, 150], loss: 0 }),
  ledger: z.strictObject({ blockSeconds: z.number().positive(), pollSeconds: z.number().positive(), bridgeSeconds: z.number().positive() })
    .default({ blockSeconds: 2, pollSeconds: 15, bridgeSeconds: 60 }),
  email: z.strictObject({ processingDays: range }).default({ processingDays: [1, 5] }),
  batch: z.strictObject({ processingHours: range }).default({ processingHours: [1, 4] }),
  faults: z.strictObject({
    outages: z.array(window.extend({ target: z.union([country, z.literal('hub'), z.literal('bridge')]) })).default([]),
    partitions: z.array(window.extend({ between: z.tuple([country, country]) })).default([]),
    tampering: z.array(z.strictObject({ country, fromDay: z.number().nonnegative(), attempts: z.int().positive() })).default([]),
  }).default({ outages: [], partitions: [], tampering: [] }),
  mechanisms: z.array(z.enum(MECHANISMS)).min(1),
});

export type Scenario = z.infer<typeof scenarioSchema>;
