import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { unavailable, type NodeClient } from '../../gateway/jurisdiction/node-client.js';
import { authenticator, homeKeyRegistry } from '../../gateway/security/index.js';
import { maskGatewayError } from '../../gateway/server/index.js';

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

  it('a client\'s error that is already final comes back as it is (so the runtime does not log it as a fault); a server\'s does not', () => {
    const badParams = new GraphQLError('`operationName` must be a string', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
    expect(maskGatewayError(badParams)).toBe(badParams);
    const homeDown = new GraphQLError('cannot read CR\'s key: the home node is unavailable', { extensions: { code: 'NODE_UNAVAILABLE', http: { status: 503 } } });
    expect(maskGatewayError(homeDown)).not.toBe(homeDown);
    expect((maskGatewayError(homeDown) as GraphQLError).extensions).toMatchObject({ code: 'NODE_UNAVAILABLE', http: { status: 503 } });
  });

  it('the home node down while a token\'s key is read is the gateway\'s fault (503, logged as one), not a refused token', async () => {
    const home: NodeClient = { country: 'MX', url: 'http://mx.invalid/graphql', query: async () => ({ errors: [unavailable('MX')] }), subscribe: async function* () { /* none */ } };
    const refused: GraphQLError[] = [];
    const authenticate = authenticator(homeKeyRegistry(home, () => new Date()), () => new Date(), (error) => void refused.push(error));
    const token = `${base64url({ alg: 'EdDSA', kid: 'k-1' })}.${base64url({ iss: 'CR' })}.c2ln`;
    const thrown = await authenticate(`Bearer ${token}`).catch((error: unknown) => error) as GraphQLError;
    expect(thrown.extensions).toMatchObject({ code: 'NODE_UNAVAILABLE', http: { status: 503 } });
    expect(refused).toEqual([]);
    expect(maskGatewayError(thrown)).not.toBe(thrown);
  });
});
