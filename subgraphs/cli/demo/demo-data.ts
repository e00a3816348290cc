/** The seeded world of `npm start`: the CADENA MRA between Mexico and Costa Rica, and a few AEOs. */

export const DEMO_AUTHORITIES = [
  { country: 'MX', name: 'Servicio de Administración Tributaria (ANAM)' },
  { country: 'CR', name: 'Dirección General de Aduanas' },
  // A third authority on the network, party to no MRA and named on no certificate: it reads nothing.
  { country: 'PE', name: 'Superintendencia Nacional de Aduanas y de Administración Tributaria (SUNAT)' },
] as const;

/** What each side's officers and risk analysts may see of the other's AEOs. */
export const CADENA_TERMS = [
  { partner: '*', role: 'OFFICER', fields: ['legalName', 'tradeName', 'roles', 'validFrom', 'validUntil', 'address', 'history', 'recognizedBy', 'proof'] },
  { partner: '*', role: 'ANALYST', fields: ['legalName', 'roles', 'history', 'riskScore', 'privateDataVerified'] },
];

interface DemoOperator {
  readonly aeoId: string;
  readonly legalName: string;
  readonly tradeName: string;
  readonly roles: readonly string[];
  readonly city: string;
  readonly taxId: string;
  readonly contact: string;
  readonly riskScore: number;
}

export const DEMO_OPERATORS: readonly DemoOperator[] = [
  { aeoId: 'MX-AEO-000001', legalName: 'Aceros del Norte S.A. de C.V.', tradeName: 'Aceros del Norte', roles: ['IMPORTER_EXPORTER', 'MANUFACTURER'], city: 'Monterrey', taxId: 'ADN-850101-AB1', contact: 'Laura Garza', riskScore: 14 },
  { aeoId: 'MX-AEO-000002', legalName: 'Transportes Bajío S.A. de C.V.', tradeName: 'TransBajío', roles: ['CARRIER'], city: 'León', taxId: 'TBA-920315-KX2', contact: 'Jorge Ruiz', riskScore: 22 },
  { aeoId: 'MX-AEO-000003', legalName: 'Agencia Aduanal del Pacífico S.C.', tradeName: 'AA Pacífico', roles: ['CUSTOMS_BROKER'], city: 'Manzanillo', taxId: 'AAP-010710-QQ3', contact: 'Marisol Díaz', riskScore: 9 },
  { aeoId: 'CR-AEO-000001', legalName: 'Café Tarrazú Export S.A.', tradeName: 'Tarrazú', roles: ['IMPORTER_EXPORTER'], city: 'San José', taxId: '3-101-245871', contact: 'Ana Mora', riskScore: 11 },
  { aeoId: 'CR-AEO-000002', legalName: 'Piñas del Caribe S.R.L.', tradeName: 'PiñaCar', roles: ['MANUFACTURER', 'IMPORTER_EXPORTER'], city: 'Limón', taxId: '3-102-778120', contact: 'Luis Vargas', riskScore: 31 },
  { aeoId: 'CR-AEO-000003', legalName: 'Logística Central de Alajuela S.A.', tradeName: 'LogiCentral', roles: ['LOGISTICS_PROVIDER', 'WAREHOUSE'], city: 'Alajuela', taxId: '3-101-660934', contact: 'Sofía Rojas', riskScore: 18 },
];

/** The grantAeo input for one demo operator. */
export function grantInput(op: DemoOperator) {
  const country = op.aeoId.slice(0, 2);
  return {
    aeoId: op.aeoId, legalName: op.legalName, tradeName: op.tradeName, roles: op.roles,
    validFrom: '2026-01-01', validUntil: '2027-01-01',
    address: { street: 'Av. Principal 100', city: op.city, country },
    private: {
      taxId: op.taxId,
      contact: { name: op.contact, email: `${op.contact.split(' ')[0]?.toLowerCase() ?? 'aeo'}@${op.tradeName.toLowerCase().replace(/[^a-z]/g, '')}.example`, phone: country === 'MX' ? '+52 55 5000 0000' : '+506 2222 0000' },
      riskScore: op.riskScore,
      auditNotes: 'on-site validation completed',
    },
  };
}

/** A query to paste into GraphiQL: a CR operator seen from Mexico. */
export const SAMPLE_QUERY = `{
  operator(aeoId: "CR-AEO-000002") {
    aeoId status legalName validUntil
    history { type status at reason }
    proof { verified treeSize }
    taxId
  }
}`;
