import type { IncomingMessage } from 'node:http';
import { buildSchema, GraphQLError, parse, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { homeLane, type HomeLaneOptions, type LaneContext } from '../../gateway/server/home-lane.js';
import { unauthenticated } from '../../subgraphs/node/index.js';

const SCHEMA = buildSchema('type Query { operator(aeoId: String): String } type Subscription { changes: String }');
const QUERY = 'query Lookup($id: String) { operator(aeoId: $id) }';
const OFFICER = { country: 'MX', subject: 'officer-1', role: 'officer' } as unknown as LaneContext['mraCaller'];

/** What the runtime hands the jurisdiction plugin for an operation it accepted. */
function acceptedArgs(query: string, document: DocumentNode = parse(query)): ExecutionArgs {
  return { schema: SCHEMA, document, contextValue: { params: { query } } };
}

const request = (authorization?: string) => ({ headers: authorization ? { authorization } : {}, socket: { remoteAddress: '10.0.0.9' } }) as unknown as IncomingMessage;

/** A lane over recording stand-ins for the runtime's own functions. */
function lane(overrides: Partial<HomeLaneOptions> = {}) {
  const calls: string[] = [];
  const recorded: { labels: unknown; phase: string; result: ExecutionResult }[] = [];
  const logged: unknown[][] = [];
  const options: HomeLaneOptions = {
    authenticate: async (authorization) => {
      calls.push(`authenticate ${authorization}`);
      if (authorization === 'Bearer forged') throw unauthenticated('bad signature');
      return authorization ? OFFICER : null;
    },
    admit: [(context) => void calls.push(`admit ${context.mraCaller ? 'officer' : 'anonymous'}`)],
    execute: async (args) => {
      calls.push(`execute ${JSON.stringify(args.variableValues)} as ${(args.contextValue as LaneContext).mraAuthorization}`);
      return { data: { operator: 'CR-AEO-000042' } };
    },
    record: (labels, phase, result) => void recorded.push({ labels, phase, result }),
    log: { error: (...args: unknown[]) => void logged.push(args) } as unknown as HomeLaneOptions['log'],
    ...overrides,
  };
  return { lane: homeLane(options), calls, recorded, logged };
}

describe('gateway: the home lane answers again what the runtime accepted', () => {
  it('an operation the runtime has not accepted is left to the runtime', () => {
    const { lane: home, calls } = lane();
    expect(home.answer({ query: QUERY }, request('Bearer t'))).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('an accepted operation runs with the caller authenticated, admitted, its variables, and is counted', async () => {
    const { lane: home, calls, recorded } = lane();
    home.accept(acceptedArgs(QUERY));
    const result = await home.answer({ query: QUERY, variables: { id: 'CR-AEO-000042' } }, request('Bearer t'));
    expect(result).toEqual({ data: { operator: 'CR-AEO-000042' } });
    expect(calls).toEqual(['authenticate Bearer t', 'admit officer', 'execute {"id":"CR-AEO-000042"} as Bearer t']);
    expect(recorded).toEqual([{ labels: { operationType: 'query', operationName: 'Lookup' }, phase: 'execute', result }]);
  });

  it('the same text under another operation name is another operation; an empty name is not "no name" (the runtime refuses it)', () => {
    const { lane: home } = lane();
    home.accept(acceptedArgs(QUERY));
    expect(home.answer({ query: QUERY, operationName: 'Other' }, request())).toBeUndefined();
    expect(home.answer({ query: QUERY, operationName: '' }, request())).toBeUndefined();
  });

  it('subscriptions are never taken (they stay on the runtime\'s streaming path)', () => {
    const { lane: home } = lane();
    home.accept(acceptedArgs('subscription { changes }'));
    expect(home.answer({ query: 'subscription { changes }' }, request())).toBeUndefined();
  });

  it('a forged token is UNAUTHENTICATED (HTTP 401), nothing runs, and it is counted as the runtime does (context phase, no operation); the mask does not log it as a fault', async () => {
    const { lane: home, calls, recorded, logged } = lane();
    home.accept(acceptedArgs(QUERY));
    const result = await home.answer({ query: QUERY }, request('Bearer forged'));
    expect(result?.errors?.map((e) => [e.message, e.extensions?.code, (e.extensions?.http as { status?: number } | undefined)?.status])).toEqual([['bad signature', 'UNAUTHENTICATED', 401]]);
    expect(calls).toEqual(['authenticate Bearer forged']);
    expect(recorded.map((r) => r.phase)).toEqual(['context']);
    expect(logged).toEqual([]); // the client's mistake: the authenticator reports refusals (a warning), not the mask
  });

  it('a refusal from an admission check (the rate limit) is answered as coded, before execution', async () => {
    const limited = new GraphQLError('rate limit exceeded', { extensions: { code: 'RATE_LIMITED', http: { status: 429 } } });
    const { lane: home, calls } = lane({ admit: [() => { throw limited; }] });
    home.accept(acceptedArgs(QUERY));
    expect((await home.answer({ query: QUERY }, request('Bearer t')))?.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(calls).toEqual(['authenticate Bearer t']);
  });

  it('errors are masked as the runtime masks them: an uncoded failure is "internal error", and what it hid is logged', async () => {
    const { lane: home, logged } = lane({ execute: async () => ({ data: { operator: null }, errors: [new GraphQLError('connect ECONNREFUSED 10.0.0.7', { path: ['operator'], originalError: new Error('ECONNREFUSED') })] }) });
    home.accept(acceptedArgs(QUERY));
    const result = await home.answer({ query: QUERY }, request('Bearer t'));
    expect(result?.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([['internal error', 'INTERNAL_SERVER_ERROR']]);
    expect(logged).toEqual([['connect ECONNREFUSED 10.0.0.7', { code: 'INTERNAL_SERVER_ERROR' }]]);
  });

  it('a very long text is never remembered: it always goes through the runtime', () => {
    const { lane: home } = lane();
    const padded = `${' '.repeat(70_000)}${QUERY}`;
    home.accept(acceptedArgs(padded));
    expect(home.answer({ query: padded }, request())).toBeUndefined();
  });

  it('remembers at most 1000 operations: the oldest is forgotten and goes through the runtime again', () => {
    const { lane: home } = lane();
    const queries = Array.from({ length: 1001 }, (_, i) => `{ operator(aeoId: "CR-AEO-${i}") }`);
    for (const query of queries) home.accept(acceptedArgs(query));
    expect(home.answer({ query: queries[0] as string }, request())).toBeUndefined();
    expect(home.answer({ query: queries[1000] as string }, request())).toBeDefined();
  });
});
