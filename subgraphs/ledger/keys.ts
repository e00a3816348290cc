import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { sha256Hex } from './canonical.js';
import { decodeCanonicalBase64url } from './encoding.js';

/** An authority's Ed25519 signing key; the private half never leaves its node. */
export interface SigningKey {
  readonly publicKey: string; // raw 32-byte key, base64url
  readonly keyId: string; // first 16 hex chars of SHA-256(raw public key)
  readonly privateKey: KeyObject;
}

/** Private key material as stored on disk (JWK, OKP/Ed25519). */
export interface PrivateJwk {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
  readonly d: string;
}

/** Key id of a raw base64url Ed25519 public key. */
export function keyIdOf(publicKey: string): string {
  return sha256Hex(Buffer.from(publicKey, 'base64url')).slice(0, 16);
}

/** A fresh Ed25519 key pair from node:crypto. */
export function generateSigningKey(): SigningKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  return signingKeyFrom(privateKey);
}

function signingKeyFrom(privateKey: KeyObject): SigningKey {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return { publicKey: jwk.x, keyId: keyIdOf(jwk.x), privateKey };
}

// PKCS#8 prefix of an Ed25519 private key (RFC 8410); the 32-byte seed follows it.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The Ed25519 key of a 32-byte seed: for simulations, whose replays must be byte-identical. */
export function signingKeyFromSeed(seed: Uint8Array): SigningKey {
  if (seed.length !== 32) throw new RangeError('an Ed25519 seed is 32 bytes');
  return signingKeyFrom(createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' }));
}

/** Serialises a signing key for the keys directory. */
export function exportPrivateJwk(key: SigningKey): PrivateJwk {
  const jwk = key.privateKey.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.d !== 'string' || typeof jwk.x !== 'string') {
    throw new Error('not an Ed25519 private key');
  }
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d };
}

/** Loads a signing key saved by `exportPrivateJwk`. */
export function importPrivateJwk(jwk: PrivateJwk): SigningKey {
  return signingKeyFrom(createPrivateKey({ key: { ...jwk }, format: 'jwk' }));
}

/** A verifying key object for a raw base64url Ed25519 public key. */
export function publicKeyObject(publicKey: string): KeyObject {
  let key = KEY_OBJECTS.get(publicKey);
  if (!key) {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
    if (KEY_OBJECTS.size >= 1_000) KEY_OBJECTS.clear();
    KEY_OBJECTS.set(publicKey, key);
  }
  return key;
}

/** Imported public keys by their base64url text: each is imported once, not per entry or request. */
const KEY_OBJECTS = new Map<string, KeyObject>();

/** Ed25519 signature over `data`, base64url. */
export function signBytes(key: SigningKey, data: Uint8Array): string {
  return sign(null, data, key.privateKey).toString('base64url');
}

/**
 * Verifies an Ed25519 signature; malformed signatures verify false rather than throw. Only the
 * canonical spelling verifies: another spelling of the same 64 bytes is a different entry.
 */
export function verifyBytes(publicKey: KeyObject, data: Uint8Array, signature: string): boolean {
  const raw = decodeCanonicalBase64url(signature, 64);
  return raw !== null && verify(null, data, publicKey, raw);
}
