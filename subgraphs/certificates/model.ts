import { z } from 'zod';
import { certificateNumberSchema } from '../ledger/index.js';

/*
 * A phytosanitary certificate (ISPM 12) as the fields of the UN/CEFACT SPS certificate that the
 * IPPC ePhyto system exchanges. `xml/` maps each field to its SPSCertificate element.
 */

const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code like CR');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** UN/ECE Rec. 20 units a quantity may be declared in; weights go to NetWeightMeasure in XML. */
export const QUANTITY_UNITS = ['KGM', 'TNE', 'GRM', 'LTR', 'MTQ', 'H87', 'NAR'] as const;
export const WEIGHT_UNITS: ReadonlySet<string> = new Set(['KGM', 'TNE', 'GRM']);

/** Means of conveyance as UN/ECE Rec. 19 transport modes (code in XML: index 0–9). */
export const TRANSPORT_MODES = [
  'NOT_SPECIFIED', 'SEA', 'RAIL', 'ROAD', 'AIR', 'MAIL', 'MULTIMODAL', 'FIXED_INSTALLATION', 'INLAND_WATER', 'NOT_APPLICABLE',
] as const;

export const partySchema = z.strictObject({
  name: text(200),
  address: z.strictObject({ line: text(300), city: text(100).optional(), country }),
});

export const treatmentSchema = z.strictObject({
  /** e.g. fumigation, cold treatment, dipping. */
  type: text(100),
  /** Chemical, concentration, duration and temperature, as printed on the certificate. */
  description: text(500),
  date: z.iso.date('must be a date YYYY-MM-DD').optional(),
});

export const commoditySchema = z.strictObject({
  botanicalName: text(200),
  description: text(500),
  quantity: z.number().positive('must be positive').finite(),
  unit: z.enum(QUANTITY_UNITS, `must be a UN/ECE Rec. 20 unit: ${QUANTITY_UNITS.join(', ')}`),
  packages: z.strictObject({
    count: z.int('must be a whole number').positive('must be positive'),
    type: z.string().regex(/^[A-Z0-9]{2}$/, 'must be a UN/ECE Rec. 21 package code like CT'),
  }),
  origin: z.strictObject({ country, place: text(200).optional() }),
  treatments: z.array(treatmentSchema),
});

export const certificateSchema = z
  .strictObject({
    number: certificateNumberSchema,
    type: z.enum(['EXPORT', 'REEXPORT'], 'must be EXPORT or REEXPORT'),
    issuedAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with offset' }),
    placeOfIssue: text(200),
    issuingNppo: text(200),
    consignor: partySchema,
    consignee: partySchema,
    exportCountry: country,
    importCountry: country,
    pointOfEntry: text(200),
    conveyance: z.strictObject({ mode: z.enum(TRANSPORT_MODES), name: text(200).optional() }),
    commodities: z.array(commoditySchema).min(1, 'must list at least one commodity'),
    additionalDeclarations: z.array(text(2000)),
    authorizedOfficer: z.strictObject({ name: text(200) }),
    /** ISPM 12 replacement: the number of the certificate this one replaces and cancels. */
    replaces: certificateNumberSchema.nullable(),
  })
  .superRefine((c, ctx) => {
    if (!c.number.startsWith(`${c.exportCountry}-`)) {
      ctx.addIssue({ code: 'custom', path: ['number'], message: `must start with the exporting country ${c.exportCountry}-` });
    }
    if (c.importCountry === c.exportCountry) ctx.addIssue({ code: 'custom', path: ['importCountry'], message: 'must differ from exportCountry' });
  });

export type PhytosanitaryCertificate = z.infer<typeof certificateSchema>;
export type Commodity = z.infer<typeof commoditySchema>;
export type Party = z.infer<typeof partySchema>;
export type Treatment = z.infer<typeof treatmentSchema>;
export type TransportMode = (typeof TRANSPORT_MODES)[number];
