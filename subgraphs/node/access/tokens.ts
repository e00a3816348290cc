import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, SignJWT } from 'jose';
import { CALLER_ROLES, publicKeyObject, type CallerRole, type LedgerState, type SigningKey } from '../../ledger/index.js';
import { unauthenticated } from '../errors.js';
import type { Caller } from './policy.js';
import { VerifiedTokens } from './verified-tokens.js';

const AUDIENCE = 'mra-hub';

/** Mints a caller token signed with the authority's key (the key pinned on the ledger). */
export async function mintToken(key: SigningKey, claims: { country: string; role: CallerRole; subject: string }, now: Date, ttlSeconds = 8 * 3600): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ country: claims.country, role: claims.role })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.keyId })
    .setIssuer(claims.country)
    .setSubject(claims.subject)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(key.privateKey);
}

/** An authority's current token-verifying key, as a trust registry knows it. */
export interface AuthorityKey {
  readonly country: string;
  readonly keyId: string;
  readonly publicKey: string;
}

/** Finds the authority whose current key has this id (undefined when none has); `issuer` is the token's unverified claim. */
export type KeyLookup = (keyId: string, issuer: string | undefined) => AuthorityKey | undefined | Promise<AuthorityKey | undefined>;

/**
 * Verifies a bearer token against the trust registry on the ledger: issued by a known authority,
 * signed with that authority's current key, not expired, with a known role. Anything else is
 * UNAUTHENTICATED; a missing header means an anonymous caller (null).
 */
export function authenticate(header: string | undefined, state: LedgerState, now: Date): Promise<Caller | null> {
  return authenticateWith(header, (keyId) => {
    const issuer = Object.values(state.authorities).find((a) => a.keys.at(-1)?.keyId === keyId);
    const key = issuer?.keys.at(-1);
    return issuer && key ? { country: issuer.country, keyId, publicKey: key.publicKey } : undefined;
  }, now);
}

/** Tokens this process has verified (shared by its nodes and gateway; each hit is re-checked). */
const VERIFIED = new VerifiedTokens();

/**
 * `authenticate` over any registry of current keys (a gateway asks its node for them). A token
 * verified before is taken from the cache while its key is still the issuer's current key and
 * `now` is inside its validity; anything else is verified in full.
 */
export async function authenticateWith(header: string | undefined, lookup: KeyLookup, now: Date): Promise<Caller | null> {
  if (header === undefined || header === '') return null;
  const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
  if (!token) throw unauthenticated('Authorization must be "Bearer <token>"');
  const seen = VERIFIED.get(token);
  if (seen) {
    const key = await lookup(seen.keyId, seen.issuer);
    const time = now.getTime();
    if (key?.publicKey === seen.publicKey && key.country === seen.caller.country && time >= seen.validFrom && time < seen.expiresAt) return seen.caller;
    VERIFIED.delete(token);
  }
  return verifyToken(token, lookup, now);
}

async function verifyToken(token: string, lookup: KeyLookup, now: Date): Promise<Caller> {
  let kid: string | undefined;
  let issuer: string | undefined;
  try {
    kid = decodeProtectedHeader(token).kid;
    issuer = decodeJwt(token).iss;
  } catch {
    throw unauthenticated('token is not a JWT');
  }
  const key = kid === undefined ? undefined : await lookup(kid, issuer);
  if (!key) throw unauthenticated('token is not signed by a current key of any authority on the ledger');
  try {
    const { payload } = await jwtVerify(token, publicKeyObject(key.publicKey), {
      issuer: key.country, audience: AUDIENCE, algorithms: ['EdDSA'], currentDate: now,
    });
    const role = CALLER_ROLES.find((r) => r === payload.role);
    if (!role || payload.country !== key.country || typeof payload.sub !== 'string') {
      throw unauthenticated('token claims must name the issuing country, a role (officer, analyst, admin) and a subject');
    }
    const seconds = (value: number | undefined, otherwise: number) => (typeof value === 'number' ? value * 1000 : otherwise);
    const caller: Caller = {
      country: key.country, role, subject: payload.sub, keyId: key.keyId, ...(typeof payload.exp === 'number' ? { expiresAt: new Date(payload.exp * 1000) } : {}),
    };
    VERIFIED.set(token, {
      caller, keyId: key.keyId, issuer: key.country, publicKey: key.publicKey,
      validFrom: seconds(payload.nbf, Number.NEGATIVE_INFINITY), expiresAt: seconds(payload.exp, Number.POSITIVE_INFINITY),
    });
    return caller;
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw unauthenticated('token expired');
    if (error instanceof errors.JOSEError) throw unauthenticated(`invalid token: ${error.code}`);
    throw error;
  }
}
