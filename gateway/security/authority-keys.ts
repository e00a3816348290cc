import { parse } from 'graphql';
import type { AuthorityKey, KeyLookup } from '../../subgraphs/node/index.js';
import { gatewayError } from '../errors.js';
import type { NodeClient } from '../jurisdiction/index.js';

const AUTHORITY = parse('query MraHubAuthorityKey($country: String!) { authority(country: $country) { country keyId publicKey } }');

/**
 * The trust registry as the gateway sees it: authorities' current keys, read from the home
 * node's replica of the ledger and cached by key id for `ttlMs`. A key id it has not seen makes
 * it ask again, so a rotated key is picked up on first use; a key rotated away stops verifying at
 * the gateway within `ttlMs` (and at once at every node, which reads its own ledger).
 */
export function homeKeyRegistry(home: NodeClient, now: () => Date, ttlMs = 60_000): KeyLookup {
  const cache = new Map<string, { key: AuthorityKey; until: number }>();
  return async (keyId: string, issuer: string | undefined): Promise<AuthorityKey | undefined> => {
    const cached = cache.get(keyId);
    if (cached && cached.until > now().getTime()) return cached.key;
    cache.delete(keyId);
    if (!issuer || !/^[A-Z]{2}$/.test(issuer)) return undefined;
    const result = await home.query({ document: AUTHORITY, variables: { country: issuer } }, undefined);
    if (!result.data) throw gatewayError('NODE_UNAVAILABLE', `cannot read ${issuer}'s key: the home node is unavailable`, { node: home.country });
    const authority = (result.data as { authority?: AuthorityKey | null }).authority;
    if (!authority) return undefined;
    for (const [id, entry] of cache) if (entry.key.country === authority.country) cache.delete(id);
    cache.set(authority.keyId, { key: authority, until: now().getTime() + ttlMs });
    return authority.keyId === keyId ? authority : undefined;
  };
}
