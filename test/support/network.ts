import {
  createGenesis, generateSigningKey, Replica, type Command, type Genesis, type LedgerStore, type SigningKey,
} from '../../subgraphs/ledger/index.js';

/** A clock that starts at `start` and moves `stepMs` forward on every reading (deterministic). */
export function steppingClock(start = '2026-01-05T08:00:00.000Z', stepMs = 1000): () => Date {
  let t = Date.parse(start);
  return () => {
    const now = new Date(t);
    t += stepMs;
    return now;
  };
}

export interface TestNetwork {
  readonly genesis: Genesis;
  readonly keys: Readonly<Record<string, SigningKey>>;
  /** A replica writing for `country` (or read-only when `country` is null). */
  replica(country: string | null, store?: LedgerStore): Replica;
}

/** A network of founding authorities, each with a fresh Ed25519 key. */
export function testNetwork(countries: readonly string[] = ['MX', 'CR', 'PE']): TestNetwork {
  const keys = Object.fromEntries(countries.map((c) => [c, generateSigningKey()]));
  const genesis = createGenesis(
    'test-mra-network',
    countries.map((country) => ({ country, name: `Customs ${country}`, publicKey: (keys[country] as SigningKey).publicKey })),
    new Date('2026-01-01T00:00:00Z'),
  );
  return {
    genesis,
    keys,
    replica: (country, store) =>
      Replica.open({
        genesis,
        now: steppingClock(),
        ...(store ? { store } : {}),
        ...(country ? { signer: { authority: country, key: keys[country] as SigningKey } } : {}),
      }),
  };
}

/** `CR-AEO-000042` for ('CR', 42). */
export function aeoId(country: string, n: number): string {
  return `${country}-AEO-${String(n).padStart(6, '0')}`;
}

/** A grant command for a plausible operator. */
export function grant(country: string, n: number): Command {
  return {
    kind: 'grantAeo',
    aeo: {
      aeoId: aeoId(country, n),
      legalName: `Operadora ${n} S.A.`,
      tradeName: `Op ${n}`,
      roles: ['IMPORTER_EXPORTER'],
      validFrom: '2026-01-01',
      validUntil: '2026-12-31',
      address: { street: `Calle ${n}`, city: 'Capital', country },
    },
  };
}

/** The CADENA-style bilateral MRA command for `parties`. */
export function proposeMra(mraId: string, parties: readonly string[]): Command {
  return {
    kind: 'proposeMra',
    mraId,
    name: `MRA ${parties.join('-')}`,
    parties,
    terms: [{ partner: '*', role: 'officer', fields: ['legalName', 'status', 'validUntil'] }],
  };
}
