import type { PhytosanitaryCertificate } from '../../subgraphs/certificates/index.js';
import type { CertificateShipment } from './world.js';

const COMMODITIES = [
  { botanicalName: 'Ananas comosus', description: 'Fresh pineapples, for consumption' },
  { botanicalName: 'Musa acuminata', description: 'Fresh bananas, for consumption' },
  { botanicalName: 'Persea americana', description: 'Fresh avocados, for consumption' },
  { botanicalName: 'Coffea arabica', description: 'Green coffee beans, for processing' },
] as const;

/**
 * A complete ISPM 12 certificate for one shipment (the same fields as the sample files), so the
 * digest on the ledger is that of a real document; commodity and quantity vary with the shipment.
 */
export function certificateFor(s: CertificateShipment, start: string): PhytosanitaryCertificate {
  const c = COMMODITIES[s.n % COMMODITIES.length] ?? COMMODITIES[0];
  const issuedAt = new Date(Date.parse(`${start}T00:00:00Z`) + Math.round(s.issuedAt * 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    number: s.number, type: 'EXPORT', issuedAt, placeOfIssue: `Port of ${s.exporter}`, issuingNppo: `NPPO of ${s.exporter}`,
    consignor: { name: `Exporter ${s.n % 97} of ${s.exporter}`, address: { line: 'Registered address', country: s.exporter } },
    consignee: { name: `Importer ${s.n % 89} of ${s.importer}`, address: { line: 'Registered address', country: s.importer } },
    exportCountry: s.exporter, importCountry: s.importer, pointOfEntry: `Port of ${s.importer}`, conveyance: { mode: 'SEA' },
    commodities: [{ ...c, quantity: 1000 + (s.n % 40) * 500, unit: 'KGM', packages: { count: 100 + (s.n % 40) * 40, type: 'CT' }, origin: { country: s.exporter }, treatments: [] }],
    additionalDeclarations: ['The consignment was inspected and found free of quarantine pests.'],
    authorizedOfficer: { name: `Officer ${s.n % 13}` }, replaces: null,
  };
}

/** What a dishonest trader presents: the genuine certificate with a larger quantity, or one never issued. */
export function fraudulentCopy(genuine: PhytosanitaryCertificate, kind: 'altered-copy' | 'forged-copy'): PhytosanitaryCertificate {
  if (kind === 'forged-copy') return { ...genuine, number: `${genuine.number}-F` };
  const [first, ...rest] = genuine.commodities;
  if (!first) return genuine;
  return { ...genuine, commodities: [{ ...first, quantity: first.quantity * 2 }, ...rest] };
}
