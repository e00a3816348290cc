import { expect, it } from 'vitest';
import { codesByPath, type GraphQLResponse } from '../support/graphql-client.js';

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
export type Who = readonly [string, 'officer' | 'analyst' | 'admin'] | null;
export const CALLERS: Record<string, Who> = {
  'CR officer (home)': ['CR', 'officer'],
  'CR analyst (home)': ['CR', 'analyst'],
  'MX officer (partner)': ['MX', 'officer'],
  'MX analyst (partner)': ['MX', 'analyst'],
  'MX admin (partner, no terms for admins)': ['MX', 'admin'],
  'PE officer (no MRA)': ['PE', 'officer'],
  anonymous: null,
};


/**
 * One spec per relation: `ask` sends `query` (every field of CR-AEO-000042) as that caller, and
 * the answer must show exactly the fields of the table, the others null with FORBIDDEN.
 */
export function accessTableSpecs(ask: (who: Who, query: string) => Promise<GraphQLResponse>): void {
  for (const [relation, visible] of Object.entries(EXPECTED)) {
    it(`${relation} sees exactly ${visible.length === RESTRICTED.length ? 'everything' : visible.length === 0 ? 'the public fields' : visible.join(', ')}`, async () => {
      const response = await ask(CALLERS[relation] ?? null, `{ operator(aeoId: "CR-AEO-000042") { ${ALL_FIELDS} } }`);
      const operator = response.data?.operator as Record<string, unknown>;
      expect(operator).toMatchObject({ aeoId: 'CR-AEO-000042', country: 'CR', status: 'ACTIVE' });
      const codes = codesByPath(response);
      for (const field of RESTRICTED) {
        if (visible.includes(field)) {
          expect(operator[field], `${relation} should see ${field}`).not.toBeNull();
          expect(codes[`operator.${field}`]).toBeUndefined();
        } else {
          expect(operator[field], `${relation} must not see ${field}`).toBeNull();
          expect(codes[`operator.${field}`], field).toBe('FORBIDDEN');
        }
      }
    });
  }
}
