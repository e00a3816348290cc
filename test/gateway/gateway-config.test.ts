import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, gatewayConfig, loadGatewayConfig } from '../../gateway/index.js';
import { tempDir } from '../support/temp-dir.js';

describe('gateway configuration', () => {
  it('the shipped example is valid, with the safe default limits', () => {
    const config = loadGatewayConfig(join(import.meta.dirname, '..', '..', 'gateway', 'gateway.example.yaml'));
    expect(config.home).toBe('MX');
    expect(config.nodes.map((n) => n.country)).toEqual(['MX', 'CR']);
    expect(config.limits).toEqual(DEFAULT_LIMITS);
  });

  it.each([
    ['home: MX\nnodes:\n  - { country: mx, url: http://a/graphql }\n', /:3: nodes\.0\.country: expected a two-letter country code/],
    ['home: PE\nnodes:\n  - { country: MX, url: http://a/graphql }\n', /:1: home: home must name one of the nodes/],
    ['listen: { port: 99999 }\nsupergraph: s.graphql\n', /:1: listen\.port: /],
    ['nodes: []\n', /nodes: give nodes \(and subgraphs\) to compose, or a supergraph file/],
    ['home: MX\nnodes: [{ country: MX, url: http://a/graphql }]\nsubgraphs: [{ name: mx, url: http://b/graphql }]\n', /subgraph name mx is used twice/],
    ['supergraph: s.graphql\nlimts: {}\n', /Unrecognized key: "limts"/i],
    ['home: [MX\n', /gateway\.yaml:\d+: invalid YAML/],
  ])('refuses a bad file with its line and key (%#)', (text, message) => {
    const file = join(tempDir(), 'gateway.yaml');
    writeFileSync(file, text);
    expect(() => loadGatewayConfig(file)).toThrow(message);
  });

  it('flags build the same configuration', () => {
    expect(gatewayConfig({ home: 'CR', nodes: [{ country: 'CR', url: 'http://127.0.0.1:4002/graphql' }] })).toMatchObject({
      home: 'CR', listen: { host: '127.0.0.1', port: 4000 }, graphiql: true, logLevel: 'info',
    });
  });
});
