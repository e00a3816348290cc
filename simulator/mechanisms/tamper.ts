import { bodyOf, isLedgerError, sealEntry, type Entry, type Replica, type SigningKey } from '../../subgraphs/ledger/index.js';
import type { TamperingOutcome } from './types.js';

/**
 * A dishonest authority's attempts, cycling through four forgeries, each offered to every honest
 * replica, which must refuse it: suspending another authority's AEO (NOT_ISSUER), writing as
 * another authority with its own key (KEY_MISMATCH), rewriting its own history (FORK_DETECTED),
 * and altering a genuine entry in transit (HASH_MISMATCH).
 */
export function attemptForgeries(tamperer: string, attempts: number, replicas: ReadonlyMap<string, Replica>, key: SigningKey): TamperingOutcome & { log: { attempt: number; replica: string; code: string }[] } {
  const honest = [...replicas].filter(([country]) => country !== tamperer);
  const [victim, victimReplica] = honest[0] as [string, Replica];
  const own = (replicas.get(tamperer) as Replica).chain(tamperer);
  const victimChain = victimReplica.chain(victim);
  const victimAeo = [...victimReplica.state.operators.keys()].find((id) => id.startsWith(`${victim}-`)) ?? `${victim}-AEO-000001`;
  const forge = (n: number): Entry => {
    const head = own.head as Entry;
    switch (n % 4) {
      case 0:
        return sealEntry({ ...bodyOf(head), sequence: head.sequence + 1, previousHash: head.hash, type: 'AEO_SUSPENDED', payload: { aeoId: victimAeo, reason: `forged ${n}` } }, key);
      case 1: {
        const victimHead = victimChain.head as Entry;
        return sealEntry({ ...bodyOf(victimHead), sequence: victimHead.sequence + 1, previousHash: victimHead.hash, keyId: key.keyId, type: 'AEO_REVOKED', payload: { aeoId: victimAeo, reason: `forged ${n}` } }, key);
      }
      case 2: {
        const earlier = own.at(1) as Entry;
        return sealEntry({ ...bodyOf(earlier), timestamp: new Date(Date.parse(earlier.timestamp) + 1000 * (n + 1)).toISOString() }, key);
      }
      default: {
        const genuine = victimChain.at(Math.max(1, victimChain.length - 1)) as Entry;
        return { ...genuine, privateDigest: '0'.repeat(64) };
      }
    }
  };
  const byCode: Record<string, number> = {};
  const log: { attempt: number; replica: string; code: string }[] = [];
  let detected = 0;
  let accepted = 0;
  for (let n = 0; n < attempts; n++) {
    const forged = forge(n);
    for (const [country, replica] of honest) {
      try {
        replica.ingest(forged);
        accepted += 1;
        log.push({ attempt: n, replica: country, code: 'ACCEPTED' });
      } catch (error) {
        const code = isLedgerError(error) ? error.code : 'ERROR';
        byCode[code] = (byCode[code] ?? 0) + 1;
        detected += 1;
        log.push({ attempt: n, replica: country, code });
      }
    }
  }
  return { attempts, detected, accepted, byCode, log };
}
