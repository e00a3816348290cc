import type { LedgerState } from '../../ledger/index.js';
import { CliError } from '../errors.js';

/**
 * How a public key stands against what a replica knows of the network: the genesis, and every
 * admission (an MRA's new members) and key rotation it holds.
 */
export type KeyStanding =
  | { readonly kind: 'current' }
  /** One of the country's keys, replaced by a rotation: entries signed with it fail (KEY_MISMATCH). */
  | { readonly kind: 'retired'; readonly currentKeyId: string }
  /** A key of another authority (a key file copied or misnamed). */
  | { readonly kind: 'another'; readonly authority: string }
  /** None of the country's keys. */
  | { readonly kind: 'foreign' }
  /** The country is not known yet (admitted by an MRA this replica has not received). */
  | { readonly kind: 'unknown-country' };

/** Where `publicKey` stands for `country` in `state`. */
export function keyStanding(state: LedgerState, country: string, publicKey: string): KeyStanding {
  const own = state.authorities[country];
  const keys = own?.keys ?? [];
  const current = keys[keys.length - 1];
  if (current?.publicKey === publicKey) return { kind: 'current' };
  if (current && keys.some((k) => k.publicKey === publicKey)) return { kind: 'retired', currentKeyId: current.keyId };
  const other = Object.values(state.authorities).find((a) => a.country !== country && a.keys.some((k) => k.publicKey === publicKey));
  if (other) return { kind: 'another', authority: other.country };
  return own ? { kind: 'foreign' } : { kind: 'unknown-country' };
}

/**
 * Refuses to run `country`'s node with the key at `path` when the replica's state shows it cannot
 * sign for it: every write and the closing checkpoint would fail (KEY_MISMATCH). The state is the
 * genesis plus what the replica holds, so a member admitted later and a rotated key pass once the
 * replica holds their entries. A country the state does not know yet (a member admitted by an MRA,
 * starting with an empty data directory) cannot be checked: the warning says so and it runs.
 * `settled: false` (before `--recover-from` rebuilt the replica) refuses only another authority's
 * key, as the country's rotations may still be on their way.
 */
export function checkSigningKey(state: LedgerState, country: string, publicKey: string, path: string, settled = true): { warning: string | null } {
  const standing = keyStanding(state, country, publicKey);
  switch (standing.kind) {
    case 'current':
      return { warning: null };
    case 'another':
      throw new CliError(`${path}: its public key is ${standing.authority}'s, not ${country}'s (a key file copied from another authority?)`);
    case 'retired':
      if (!settled) return { warning: null };
      throw new CliError(`${path}: its public key is one ${country} rotated away from; its current key is ${standing.currentKeyId}`);
    case 'foreign':
      if (!settled) return { warning: null };
      throw new CliError(`${path}: its public key is none of ${country}'s keys in the genesis or this replica ` +
        `(a key for another network? if ${country} rotated its key and this data directory was lost, start with --recover-from)`);
    case 'unknown-country':
      return { warning: `${country} is not in the genesis nor admitted in this replica yet: ${path} cannot be checked until its admission arrives` };
    default: {
      const unreachable: never = standing;
      return unreachable;
    }
  }
}
