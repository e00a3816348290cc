import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { maskGatewayError } from '../../gateway/server/index.js';

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
});
