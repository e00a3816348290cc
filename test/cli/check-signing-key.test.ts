import { describe, expect, it } from 'vitest';
import { checkSigningKey } from '../../subgraphs/cli/node/index.js';
import { generateSigningKey, type SigningKey } from '../../subgraphs/ledger/index.js';
import { testNetwork } from '../support/network.js';

const PATH = '/keys/MX.key.json';

describe('cli: a node checks its key against the genesis and what its replica holds', () => {
  it('passes the country\'s genesis key; refuses another authority\'s (copied key file) and one of no one\'s', () => {
    const net = testNetwork(['MX', 'CR']);
    const state = net.replica(null).state;
    expect(checkSigningKey(state, 'MX', (net.keys.MX as SigningKey).publicKey, PATH)).toEqual({ warning: null });
    expect(() => checkSigningKey(state, 'MX', (net.keys.CR as SigningKey).publicKey, PATH))
      .toThrow(`${PATH}: its public key is CR's, not MX's (a key file copied from another authority?)`);
    // Before --recover-from rebuilt the replica, only another authority's key is certain to be wrong.
    expect(() => checkSigningKey(state, 'MX', (net.keys.CR as SigningKey).publicKey, PATH, false)).toThrow(/CR's, not MX's/);
    const stranger = generateSigningKey().publicKey;
    expect(checkSigningKey(state, 'MX', stranger, PATH, false)).toEqual({ warning: null });
    expect(() => checkSigningKey(state, 'MX', stranger, PATH)).toThrow(`${PATH}: its public key is none of MX's keys in the genesis or this replica`);
  });

  it('regression: a rotated key passes once the replica holds the rotation; the key it replaced is refused (refused at start)', () => {
    const net = testNetwork(['MX', 'CR']);
    const mx = net.replica('MX');
    const next = generateSigningKey();
    mx.rotateKey(next);
    expect(checkSigningKey(mx.state, 'MX', next.publicKey, PATH)).toEqual({ warning: null });
    const currentKeyId = mx.state.authorities.MX?.keys.at(-1)?.keyId as string;
    expect(() => checkSigningKey(mx.state, 'MX', (net.keys.MX as SigningKey).publicKey, PATH))
      .toThrow(`${PATH}: its public key is one MX rotated away from; its current key is ${currentKeyId}`);
    // A replica without the rotation (a lost data directory) cannot tell: start with --recover-from.
    expect(() => checkSigningKey(net.replica(null).state, 'MX', next.publicKey, PATH)).toThrow(/start with --recover-from/);
  });

  it('regression: a member admitted by an MRA is checked once its admission is held, and warned about before (refused at start)', () => {
    const net = testNetwork(['MX', 'CR']);
    const coKey = generateSigningKey();
    const coPath = '/keys/CO.key.json';
    const unknown = checkSigningKey(net.replica(null).state, 'CO', coKey.publicKey, coPath);
    expect(unknown.warning).toBe(`CO is not in the genesis nor admitted in this replica yet: ${coPath} cannot be checked until its admission arrives`);
    // Even unknown, a country may not sign with a known authority's key.
    expect(() => checkSigningKey(net.replica(null).state, 'CO', (net.keys.MX as SigningKey).publicKey, coPath)).toThrow(/MX's, not CO's/);
    const mx = net.replica('MX');
    mx.submit({ kind: 'proposeMra', mraId: 'alianza', name: 'Alianza', parties: ['MX', 'CR', 'CO'], terms: [], newMembers: [{ country: 'CO', name: 'DIAN', publicKey: coKey.publicKey }] });
    expect(checkSigningKey(mx.state, 'CO', coKey.publicKey, coPath)).toEqual({ warning: null });
    expect(() => checkSigningKey(mx.state, 'CO', generateSigningKey().publicKey, coPath)).toThrow(/none of CO's keys/);
  });
});
