import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { unavailable, type NodeClient } from '../../gateway/jurisdiction/node-client.js';
import { authenticator, homeKeyRegistry } from '../../gateway/security/index.js';
import { maskGatewayError } from '../../gateway/server/index.js';
import { withStatusByData } from '../../gateway/server/status-by-data.js';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('gateway: masked errors', () => {
  it('an uncoded failure becomes "internal error" with INTERNAL_SERVER_ERROR, keeping only its path', () => {
    const wrapped = new GraphQLError('connect ECONNREFUSED 10.0.0.7:4002', { path: ['operator'], originalError: new Error('connect ECONNREFUSED 10.0.0.7:4002') });
    const masked = maskGatewayError(wrapped) as GraphQLError;
    expect(masked.toJSON()).toEqual({ message: 'internal error', path: ['operator'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('a coded error keeps its message and code, without the upstream request it came from', () => {
    const upstream = new GraphQLError('Operator.taxId is not shared', { extensions: { code: 'FORBIDDEN', request: { body: '{"query":"..."}' } } });
    const masked = maskGatewayError(new GraphQLError(upstream.message, { path: ['operator', 'taxId'], originalError: upstream })) as GraphQLError;
    expect(masked.toJSON()).toEqual({ message: 'Operator.taxId is not shared', path: ['operator', 'taxId'], extensions: { code: 'FORBIDDEN' } });
  });

  it('GraphQL\'s own validation errors keep their message and get a code', () => {
    const invalid = new GraphQLError('Cannot query field "nope" on type "Query".');
    expect((maskGatewayError(invalid) as GraphQLError).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('a client\'s error that is already final comes back as it is (so the runtime does not log it as a fault)', () => {
    const badParams = new GraphQLError('`operationName` must be a string', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
    expect(maskGatewayError(badParams)).toBe(badParams);
  });

  it('a coded error at no field is no request error of the client\'s: it comes back as it is, without an HTTP status of its own (the answer\'s data decides: withStatusByData)', () => {
    for (const error of [
      new GraphQLError('MX\'s node is unavailable', { extensions: { code: 'NODE_UNAVAILABLE', node: 'MX' } }),
      new GraphQLError('token expired', { extensions: { code: 'UNAUTHENTICATED' } }),
    ]) {
      expect(maskGatewayError(error)).toBe(error);
      expect(error.extensions.http).toBeUndefined();
    }
  });

  it('the home node down while a token\'s key is read is no refused token: NODE_UNAVAILABLE naming the node, an outage (503 with Retry-After)', async () => {
    const home: NodeClient = { country: 'MX', url: 'http://mx.invalid/graphql', query: async () => ({ errors: [unavailable('MX')] }), subscribe: async function* () { /* none */ } };
    const refused: GraphQLError[] = [];
    const authenticate = authenticator(homeKeyRegistry(home, () => new Date()), () => new Date(), (error) => void refused.push(error));
    const token = `${base64url({ alg: 'EdDSA', kid: 'k-1' })}.${base64url({ iss: 'CR' })}.c2ln`;
    const thrown = await authenticate(`Bearer ${token}`).catch((error: unknown) => error) as GraphQLError;
    expect(thrown.extensions).toEqual({ code: 'NODE_UNAVAILABLE', node: 'MX' });
    expect(refused).toEqual([]);
    expect(maskGatewayError(thrown)).toBe(thrown);
    expect(withStatusByData({ errors: [thrown] }).extensions).toEqual({ http: { status: 503, headers: { 'retry-after': '5' } } });
  });
});
