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
    ['home: MX\nnodes:\n  - { country: mx, url: http://a/graphql }\n', /:3: nodes\[0\]\.country: expected a two-letter country code/],
    ['home: PE\nnodes:\n  - { country: MX, url: http://a/graphql }\n', /:1: home: home must name one of the nodes/],
    ['listen: { port: 99999 }\nsupergraph: s.graphql\n', /:1: listen\.port: /],
    ['nodes: []\n', /nodes: give nodes \(and subgraphs\) to compose, or a supergraph file/],
    ['home: MX\nnodes: [{ country: MX, url: http://a/graphql }]\nsubgraphs:\n  - { name: mx, url: http://b/graphql }\n', /:4: subgraphs\[0\]\.name: subgraph name mx is taken by node MX \(nodes\[0\]\)$/],
    ['supergraph: s.graphql\nsubgraphs:\n  - { name: a, url: http://a/graphql }\n  - { name: a, url: http://b/graphql }\n', /:4: subgraphs\[1\]\.name: subgraph name a is used twice \(also subgraphs\[0\]\)$/],
    ['supergraph: s.graphql\nlimts: {}\n', /:2: limts: unknown key$/],
    ['home: [MX\n', /gateway\.yaml:\d+: invalid YAML/],
  ])('refuses a bad file with its line and key (%#)', (text, message) => {
    const file = join(tempDir(), 'gateway.yaml');
    writeFileSync(file, text);
    expect(() => loadGatewayConfig(file)).toThrow(message);
  });

  it.each([
    ['an unknown key, at its own line, not the top of the file', '# MX\'s gateway\n\nhome: MX\nnodes:\n  - { country: MX, url: http://a/graphql }\nfooBar: 1\n', /gateway\.yaml:6: fooBar: unknown key$/],
    ['an unknown key in a section, by its path', 'supergraph: s.graphql\nlisten:\n  port: 4000\n  hots: 0.0.0.0\n', /gateway\.yaml:4: listen\.hots: unknown key$/],
    ['two nodes of one country, at the second, as written', 'home: MX\nnodes:\n  - { country: MX, url: http://a/graphql }\n  - { country: MX, url: http://b/graphql }\n', /gateway\.yaml:4: nodes\[1\]\.country: country MX is used twice \(also nodes\[0\]\)$/],
  ])('regression: %s', (_name, text, message) => {
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
