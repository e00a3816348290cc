import { z } from 'zod';

export const MECHANISMS = ['email-monthly', 'batch-daily', 'hub', 'shared-ledger', 'bridged-ledgers'] as const;
export type MechanismName = (typeof MECHANISMS)[number];

const country = z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code');
const share = z.number().min(0).max(1);
const range = z.tuple([z.number().nonnegative(), z.number().nonnegative()]).refine(([a, b]) => a <= b, 'a [min, max] pair with min <= max');
const window = z.strictObject({ fromDay: z.number().nonnegative(), hours: z.number().positive() });
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a UTC time of day such as 09:00');
/** Random faults: arrivals at `perYear` (Poisson), each lasting an exponential time of mean `meanRepairHours`. */
const random = z.strictObject({ perYear: z.number().positive(), meanRepairHours: z.number().positive() });

/** A scenario file: a seeded world and the exchange mechanisms to compare on it. */
export const scenarioSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  /** The report's title, in words a minister reads (the name stands in when there is none). */
  title: z.string().min(1).optional(),
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
  /** How trade is spread over operators: Pareto sizes (a few firms lodge most declarations) or uniform. */
  trade: z.strictObject({ sizes: z.enum(['pareto', 'uniform']), paretoAlpha: z.number().gt(0) }).default({ sizes: 'pareto', paretoAlpha: 1.06 }),
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
  ledger: z.strictObject({
    blockSeconds: z.number().positive(),
    pollSeconds: z.number().positive(),
    bridgeSeconds: z.number().positive(),
    /** Validators per country; a block needs a quorum of ceil(2n/3) of them (IBFT 2.0). Default: one per country. */
    validators: z.record(country, z.int().nonnegative()).optional(),
  }).default({ blockSeconds: 2, pollSeconds: 15, bridgeSeconds: 60 }),
  /** A lost e-mail or batch transfer is retried after retryMinutes / retryHours. */
  email: z.strictObject({ dayOfMonth: z.int().min(1).max(28), sendAt: clock, processingDays: range, retryMinutes: z.number().positive(), forgedAcceptedShare: share })
    .default({ dayOfMonth: 1, sendAt: '09:00', processingDays: [1, 5], retryMinutes: 30, forgedAcceptedShare: 1 }),
  batch: z.strictObject({ sendAt: clock, processingHours: range, retryHours: z.number().positive(), forgedAcceptedShare: share })
    .default({ sendAt: '00:00', processingHours: [1, 4], retryHours: 1, forgedAcceptedShare: 1 }),
  hub: z.strictObject({ processingSeconds: range, retrySeconds: z.number().positive(), forgedAcceptedShare: share })
    .default({ processingSeconds: [1, 10], retrySeconds: 60, forgedAcceptedShare: 1 }),
  /** Bytes of what is not measured from the messages themselves (headers, envelopes, empty polls). */
  costs: z.strictObject({ pollBytes: z.int().nonnegative(), emailHeaderBytes: z.int().nonnegative(), batchEnvelopeBytes: z.int().nonnegative(), hubEnvelopeBytes: z.int().nonnegative() })
    .default({ pollBytes: 350, emailHeaderBytes: 2000, batchEnvelopeBytes: 500, hubEnvelopeBytes: 400 }),
  faults: z.strictObject({
    outages: z.array(window.extend({ target: z.string() })).default([]),
    partitions: z.array(window.extend({ between: z.tuple([country, country]) })).default([]),
    randomOutages: z.array(random.extend({ target: z.string() })).default([]),
    randomPartitions: z.array(random.extend({ between: z.tuple([country, country]) })).default([]),
    /** A dishonest authority tries `attempts` forgeries, spread over the days from `fromDay` to the end. */
    tampering: z.array(z.strictObject({ country, fromDay: z.number().nonnegative(), attempts: z.int().positive() })).default([]),
  }).default({ outages: [], partitions: [], randomOutages: [], randomPartitions: [], tampering: [] }),
  /** Where each figure comes from: a key path (or a section) to a source, or to "assumption: why". */
  sources: z.record(z.string(), z.string().min(1)).default({}),
  mechanisms: z.array(z.enum(MECHANISMS)).min(1),
});

export type Scenario = z.infer<typeof scenarioSchema>;
/** A scenario as written in a file, before defaults. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
