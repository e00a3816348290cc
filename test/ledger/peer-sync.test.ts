import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReplicationNotice, SigningKey } from '../../subgraphs/ledger/index.js';
import { catchUpFromPeers, CountryNode, mintToken, PeerClient, PeerFollower, serveWithApollo, type RunningServer } from '../../subgraphs/node/index.js';
import { budget } from '../support/budget.js';
import { eventually } from '../support/eventually.js';
import { grant, testNetwork } from '../support/network.js';
import { forwardRequest } from '../support/forward-request.js';
import { readBody } from '../support/read-body.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** MX's node, serving a chain of `n` entries (more than one page). */
async function mxNode(n: number) {
  const net = testNetwork(['MX', 'CR']);
  const replica = net.replica('MX');
  for (let i = 1; i <= n; i++) replica.submit(grant('MX', i));
  replica.checkpoint();
  const server: RunningServer = await serveWithApollo(new CountryNode({ country: 'MX', replica, now: () => new Date() }), { port: 0 });
  closers.push(() => server.close());
  const crToken = () => mintToken(net.keys.CR as SigningKey, { country: 'CR', role: 'admin', subject: 'cr-node' }, new Date());
  return { net, replica, server, crToken };
}

/** A peer in the middle that rewrites the entries it relays. */
async function tamperingProxy(target: string, rewrite: (text: string) => string): Promise<string> {
  const proxy = createServer(async (req, res) => {
    const upstream = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', authorization: req.headers.authorization ?? '' }, body: await readBody(req) });
    res.setHeader('content-type', 'application/json');
    res.end(rewrite(await upstream.text()));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => proxy.close(() => resolve())));
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
}

/** A reverse proxy in front of a node: while `down()`, it answers 502 Bad Gateway (counted), as nginx does when its node is gone. */
async function frontProxy(target: string, down: () => boolean): Promise<{ url: string; badGateways: () => number }> {
  let badGateways = 0;
  const proxy = createServer(async (req, res) => {
    const body = await readBody(req);
    if (down()) {
      badGateways += 1;
      res.statusCode = 502;
      return res.end('<html>502 Bad Gateway</html>');
    }
    // 502 when the node has gone (the spec closes it while the follower may still be asking).
    await forwardRequest(new URL(target), req, res, body);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => proxy.close(() => resolve())));
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`, badGateways: () => badGateways };
}

describe('ledger: catch-up straight from a partner\'s node over GraphQL', () => {
  it('pages through a chain longer than a page, verifying every entry, and keeps the owner\'s checkpoint', async () => {
    const { net, replica, server, crToken } = await mxNode(620);
    const cr = net.replica('CR');
    const result = await catchUpFromPeers({ replica: cr, peers: [new PeerClient(server.url, { token: crToken })], pageSize: 250 });
    expect(result).toMatchObject({ applied: 620, problems: 0 });
    expect(cr.chain('MX').root()).toBe(replica.chain('MX').root());
    expect(cr.latestCheckpoint('MX')?.treeSize).toBe(620);
  });

  it('a page altered on the way is refused at the altered entry (HASH_MISMATCH); nothing after it is applied', async () => {
    const { net, server, crToken } = await mxNode(5);
    const url = await tamperingProxy(server.url, (text) => text.replace('Operadora 3 S.A.', 'Operadora 8 S.A.'));
    const cr = net.replica('CR');
    const problems: string[] = [];
    await catchUpFromPeers({ replica: cr, peers: [new PeerClient(url, { token: crToken })], onProblem: (p) => problems.push(p.code) });
    expect(cr.height('MX')).toBe(2);
    expect(problems).toContain('HASH_MISMATCH');
  });

  it('serves entries to authorities\' admins only', async () => {
    const { net, server } = await mxNode(1);
    const officer = () => mintToken(net.keys.CR as SigningKey, { country: 'CR', role: 'officer', subject: 'ana' }, new Date());
    await expect(new PeerClient(server.url, { token: officer }).page('MX', 1)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(new PeerClient(server.url).page('MX', 1)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('a follower whose partner\'s node goes away says so once (PEER_UNAVAILABLE, with why), nothing while its rounds fail, and once when it answers again (PEER_RESTORED, info)', async () => {
    const { net, replica, server, crToken } = await mxNode(1);
    let down = false;
    const front = await frontProxy(server.url, () => down);
    const cr = net.replica('CR');
    const notices: ReplicationNotice[] = [];
    const follower = new PeerFollower({ replica: cr, peers: [new PeerClient(front.url, { token: crToken })], intervalMs: 10, onProblem: (notice) => notices.push(notice) });
    follower.start();
    closers.push(() => follower.stop());
    await eventually(() => cr.height('MX') === 1, budget(10_000));

    down = true;
    await eventually(() => front.badGateways() >= 5, budget(10_000));
    expect(notices).toEqual([{ code: 'PEER_UNAVAILABLE', message: `${front.url}: HTTP 502; retrying quietly until it answers` }]);

    // Written while MX cannot be reached (a round already under way when it went down could have fetched it before).
    replica.submit(grant('MX', 2));
    down = false;
    await eventually(() => cr.height('MX') === 2 && notices.length > 1, budget(10_000), () => JSON.stringify(notices));
    expect(notices.slice(1)).toEqual([{ code: 'PEER_RESTORED', message: `${front.url} answers again`, level: 'info' }]);
  });
});
