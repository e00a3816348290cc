import { expect } from 'vitest';
import type { MraGateways } from '../gateway/mra-gateway.js';
import { budget } from '../support/budget.js';
import { eventually } from '../support/eventually.js';
import { gql, subscribe } from '../support/graphql-client.js';
import { wsSession, type WsMessage, type WsSession } from '../support/ws-probe.js';

/** One subscription per server (both nodes, a gateway over HTTP and one beside its node) on one token, each past its first event. */
export interface Subscribers {
  /** Another CR event: an operator suspended or reinstated in turn. */
  event(): Promise<void>;
  /** Expects every subscription (id 1) to have ended with `error` alone, after events only; then that the token subscribes no more (id 2), refused with `refusal`. */
  expectEndedWith(error: { message: string; extensions: { code: string } }, refusal: unknown): Promise<void>;
  close(): Promise<void>;
}

/** Subscribes with `token` on every server until each subscriber has had an event; a subscriber on a good MX token (the control) runs beside them. */
export async function subscribersOnEveryServer(mra: MraGateways, token: string, query: string): Promise<Subscribers> {
  const beside = await mra.startGateway('MX', {}, undefined, ['MX']);
  const wsUrls = { 'Apollo node': mra.cluster.servers.CR.wsUrl, 'mercurius node': mra.cluster.servers.MX.wsUrl, gateway: mra.gateways.MX.wsUrl, 'gateway beside its node': beside.wsUrl };
  const sessions: [string, WsSession][] = Object.entries(wsUrls).map(([name, url]) => [name, wsSession(url, { authorization: `Bearer ${token}` })]);
  for (const [, session] of sessions) {
    await session.acked;
    session.subscribe('1', query);
  }
  const control = subscribe(mra.cluster.servers.MX.wsUrl, query, await mra.cluster.token('MX', 'officer'));
  await control.ready;
  const admin = await mra.cluster.token('CR', 'admin');
  let suspended = false;
  const event = async () => {
    const field = suspended ? 'reinstateAeo' : 'suspendAeo';
    const answer = await gql(mra.cluster.servers.CR.url, `mutation { ${field}(aeoId: "CR-AEO-000043", reason: "audit") { status } }`, {}, admin);
    expect(answer.errors).toBeUndefined();
    suspended = !suspended;
  };
  const types = (id: string) => Object.fromEntries(sessions.map(([name, session]) => [name, session.of(id).map((m) => m.type)]));
  const ended = (id: string) => sessions.every(([, session]) => session.of(id).some((m) => m.type === 'error' || m.type === 'complete'));
  // Events until every subscriber has had one (a gateway subscribes to its node once the client has subscribed to it).
  const hadEvent = () => sessions.every(([, session]) => session.of('1').some((m) => m.type === 'next'));
  while (!hadEvent() && !sessions.some(([, session]) => session.of('1').some((m) => m.type === 'error'))) {
    await event();
    await eventually(() => hadEvent(), 300).catch(() => undefined);
  }
  expect(types('1'), 'every subscriber had an event first').toEqual(Object.fromEntries(sessions.map(([name, session]) => [name, session.of('1').map(() => 'next')])));
  return {
    event,
    async expectEndedWith(error, refusal) {
      await eventually(() => ended('1'), budget(15_000), () => JSON.stringify(types('1')));
      // An event after that reaches the subscriber whose token is good, and no one else.
      const seen = control.events.length;
      await event();
      await eventually(() => control.events.length > seen, budget(5000));
      for (const [name, session] of sessions) {
        const messages = session.of('1');
        expect(messages.at(-1), `${name}: ${JSON.stringify(messages)}`).toEqual({ id: '1', type: 'error', payload: [error] });
        expect(messages.slice(0, -1).every((m) => m.type === 'next'), name).toBe(true);
        expect(session.closedWith(), name).toBeUndefined();
        // The same connection cannot subscribe again with that token.
        session.subscribe('2', query);
      }
      await eventually(() => ended('2'), budget(5000), () => JSON.stringify(types('2')));
      for (const [name, session] of sessions) {
        const payload = (session.of('2')[0] as WsMessage).payload as { errors?: unknown[] } | unknown[];
        expect(Array.isArray(payload) ? payload : payload.errors, name).toEqual([refusal]);
      }
    },
    async close() {
      for (const [, session] of sessions) session.close();
      control.close();
      if (suspended) await event();
    },
  };
}
