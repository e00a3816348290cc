import { describe, expect, it } from 'vitest';
import { generateSigningKey } from '../../subgraphs/ledger/index.js';
import { authenticateWith, mintToken, type AuthorityKey } from '../../subgraphs/node/index.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const key = generateSigningKey();
const current: AuthorityKey = { country: 'MX', keyId: key.keyId, publicKey: key.publicKey };

describe('node: a token verified once is remembered only while it would still verify', () => {
  it('a second request with the same token authenticates the same caller, with when its token expires and the key it was verified with', async () => {
    const token = `Bearer ${await mintToken(key, { country: 'MX', role: 'officer', subject: 'ana' }, NOW, 3600)}`;
    const lookup = () => current;
    const caller = { country: 'MX', role: 'officer', subject: 'ana', expiresAt: new Date('2026-06-01T13:00:00Z'), keyId: key.keyId };
    expect(await authenticateWith(token, lookup, NOW)).toEqual(caller);
    expect(await authenticateWith(token, lookup, NOW)).toEqual(caller);
  });

  it('once the authority rotates its key away, the remembered token is UNAUTHENTICATED', async () => {
    const token = `Bearer ${await mintToken(key, { country: 'MX', role: 'analyst', subject: 'luis' }, NOW)}`;
    expect(await authenticateWith(token, () => current, NOW)).toMatchObject({ role: 'analyst' });
    const rotated = generateSigningKey();
    const lookup = (keyId: string) => (keyId === rotated.keyId ? { country: 'MX', keyId: rotated.keyId, publicKey: rotated.publicKey } : undefined);
    await expect(authenticateWith(token, lookup, NOW)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('after it expires, the remembered token is UNAUTHENTICATED ("token expired")', async () => {
    const token = `Bearer ${await mintToken(key, { country: 'MX', role: 'admin', subject: 'eva' }, NOW, 60)}`;
    expect(await authenticateWith(token, () => current, NOW)).toMatchObject({ role: 'admin' });
    const later = new Date(NOW.getTime() + 61_000);
    await expect(authenticateWith(token, () => current, later)).rejects.toThrow('token expired');
  });

  it('a remembered token is refused by a registry that does not know its key', async () => {
    const token = `Bearer ${await mintToken(key, { country: 'MX', role: 'officer', subject: 'ana' }, NOW)}`;
    expect(await authenticateWith(token, () => current, NOW)).toMatchObject({ country: 'MX' });
    await expect(authenticateWith(token, () => undefined, NOW)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
