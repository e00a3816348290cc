import { createHash } from 'node:crypto';
import {
  createGenesis, digestOf, Replica, signingKeyFromSeed, type Entry, type SigningKey,
} from '../../subgraphs/ledger/index.js';
import type { World } from '../world.js';

/** The real ledger replicas of one simulated run, on a virtual clock. */
export interface LedgerNetwork {
  readonly replicas: ReadonlyMap<string, Replica>;
  readonly keys: ReadonlyMap<string, SigningKey>;
  /** Sets the virtual time (seconds since the scenario start) that entries are stamped with. */
  setTime(seconds: number): void;
}

/**
 * One replica per authority with keys derived from the seed (so replays are byte-identical).
 * At time 0 the scenario's MRAs are proposed and approved and every AEO is granted, with the
 * salted digest of its private record; every replica then holds every chain.
 */
export function buildLedgerNetwork(world: World): LedgerNetwork {
  const countries = [...world.byCountry.keys()];
  const startMs = Date.parse(`${world.scenario.start}T00:00:00Z`);
  let now = 0;
  const clock = () => new Date(startMs + Math.round(now * 1000));
  const keys = new Map(countries.map((c) => [c, signingKeyFromSeed(createHash('sha256').update(`${world.seed}:key:${c}`).digest())]));
  const genesis = createGenesis(`sim-${world.scenario.name}`, countries.map((c) => ({
    country: c, name: world.scenario.countries[c]?.name ?? c, publicKey: (keys.get(c) as SigningKey).publicKey,
  })), new Date(startMs));
  const replicas = new Map(countries.map((c) => [c, Replica.open({ genesis, now: clock, signer: { authority: c, key: keys.get(c) as SigningKey } })]));
  const written: Entry[] = [];
  const write = (country: string, ...args: Parameters<Replica['submit']>) => written.push((replicas.get(country) as Replica).submit(...args));
  const syncAll = () => {
    for (const entry of written.splice(0)) {
      for (const [country, replica] of replicas) if (country !== entry.authority) replica.ingest(entry);
    }
  };
  for (const mra of world.scenario.mras) {
    const [proposer, ...others] = mra.parties as [string, ...string[]];
    write(proposer, {
      kind: 'proposeMra', mraId: mra.id, name: mra.id, parties: mra.parties,
      terms: [{ partner: '*', role: 'officer', fields: ['legalName', 'roles', 'validUntil', 'history'] }],
    });
    syncAll();
    for (const party of others) write(party, { kind: 'approveMra', mraId: mra.id });
    syncAll();
  }
  const validUntil = new Date(startMs + world.horizon * 1000 + 365 * 86_400_000).toISOString().slice(0, 10);
  for (const op of world.operators) {
    const privateRecord = { taxId: op.taxId, salt: createHash('sha256').update(`${world.seed}:salt:${op.aeoId}`).digest('base64url') };
    write(op.country, {
      kind: 'grantAeo',
      aeo: {
        aeoId: op.aeoId, legalName: op.legalName, tradeName: op.legalName.split(' ')[0] ?? op.legalName, roles: [op.role],
        validFrom: world.scenario.start, validUntil, address: { street: 'Registered address', city: op.city, country: op.country },
      },
    }, digestOf(privateRecord));
  }
  syncAll();
  return { replicas, keys, setTime: (seconds) => (now = seconds) };
}
