import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { withStatusByData } from '../../gateway/server/status-by-data.js';

const coded = (code: string, path?: readonly string[]) => new GraphQLError(code, { extensions: { code }, ...(path ? { path } : {}) });

describe('gateway: the HTTP status of an answer follows its data', () => {
  it('with data, field errors set no status (200), whatever their code', () => {
    for (const code of ['UNAUTHENTICATED', 'NODE_UNAVAILABLE', 'FORBIDDEN']) {
      const result = { data: { operator: null }, errors: [coded(code, ['operator'])] };
      expect(withStatusByData(result)).toBe(result);
    }
  });

  it('without data, a refused token is 401', () => {
    expect(withStatusByData({ errors: [coded('UNAUTHENTICATED')] }).extensions).toEqual({ http: { status: 401 } });
    expect(withStatusByData({ data: null, errors: [coded('UNAUTHENTICATED', ['suspendAeo'])] }).extensions).toEqual({ http: { status: 401 } });
  });

  it('without data, a node\'s outage is the server\'s: 503 with Retry-After, at no field or at one (`data: null`)', () => {
    const outage = { http: { status: 503, headers: { 'retry-after': '5' } } };
    expect(withStatusByData({ errors: [coded('NODE_UNAVAILABLE')] }).extensions).toEqual(outage);
    expect(withStatusByData({ data: null, errors: [coded('NODE_UNAVAILABLE', ['operators'])] }).extensions).toEqual(outage);
  });

  it('a status an error carries stays; other answers without data are left to the runtime', () => {
    const limited = { errors: [new GraphQLError('slow down', { extensions: { code: 'RATE_LIMITED', http: { status: 429 } } }), coded('NODE_UNAVAILABLE')] };
    expect(withStatusByData(limited)).toBe(limited);
    const other = { errors: [coded('BAD_USER_INPUT')] };
    expect(withStatusByData(other)).toBe(other);
  });
});
