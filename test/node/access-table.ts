/** The access table of the node issue: each restricted Operator field, for each relation to CR. */
export const RESTRICTED = [
  'legalName', 'tradeName', 'roles', 'validFrom', 'validUntil', 'address', 'history', 'recognizedBy', 'proof',
  'taxId', 'contact', 'riskScore', 'auditNotes', 'privateDataVerified',
] as const;
export const SELECTION: Record<(typeof RESTRICTED)[number], string> = {
  legalName: 'legalName', tradeName: 'tradeName', roles: 'roles', validFrom: 'validFrom', validUntil: 'validUntil',
  address: 'address { city }', history: 'history { status entryHash }', recognizedBy: 'recognizedBy { partner mraId }',
  proof: 'proof { verified rootHash }', taxId: 'taxId', contact: 'contact { email }', riskScore: 'riskScore',
  auditNotes: 'auditNotes', privateDataVerified: 'privateDataVerified',
};
export const ALL_FIELDS = `aeoId country status ${RESTRICTED.map((f) => SELECTION[f]).join(' ')}`;

/** Who sees what of CR-AEO-000042 at CR's node — written out by hand from the cadena terms. */
export const EXPECTED: Record<string, readonly string[]> = {
  'CR officer (home)': RESTRICTED,
  'CR analyst (home)': RESTRICTED,
  'MX officer (partner)': ['legalName', 'tradeName', 'roles', 'validFrom', 'validUntil', 'history', 'recognizedBy', 'proof'],
  'MX analyst (partner)': ['legalName', 'riskScore', 'privateDataVerified'],
  'MX admin (partner, no terms for admins)': [],
  'PE officer (no MRA)': [],
  anonymous: [],
};
export const CALLERS: Record<string, [string, 'officer' | 'analyst' | 'admin'] | null> = {
  'CR officer (home)': ['CR', 'officer'],
  'CR analyst (home)': ['CR', 'analyst'],
  'MX officer (partner)': ['MX', 'officer'],
  'MX analyst (partner)': ['MX', 'analyst'],
  'MX admin (partner, no terms for admins)': ['MX', 'admin'],
  'PE officer (no MRA)': ['PE', 'officer'],
  anonymous: null,
};

