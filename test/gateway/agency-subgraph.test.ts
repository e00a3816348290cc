import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../gateway/index.js';
import { serveSubgraph } from '../bench/federation/index.js';
import { codesByPath, gql } from '../support/graphql-client.js';
import { startMraGateways, type MraGateways } from './mra-gateway.js';

/** A single-window agency's own subgraph: shipments, each by an AEO, extending the nodes' Operator. */
const SHIPMENTS = [
  { id: 'S1', container: 'MSCU1234565', aeoId: 'CR-AEO-000042' },
  { id: 'S2', container: 'MAEU7654321', aeoId: 'MX-AEO-000001' },
];
const agencySchema = buildSubgraphSchema({
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Query { shipments: [Shipment!]! }
    type Shipment { id: ID! container: String! operator: Operator! }
    type Operator @key(fields: "aeoId") { aeoId: String! shipments: [Shipment!]! }`),
  resolvers: {
    Query: { shipments: () => SHIPMENTS },
    Shipment: { operator: (s: { aeoId: string }) => ({ __typename: 'Operator', aeoId: s.aeoId }) },
    Operator: {
      __resolveReference: (ref: { aeoId: string }) => ref,
      shipments: (op: { aeoId: string }) => SHIPMENTS.filter((s) => s.aeoId === op.aeoId),
    },
  },
});

describe('gateway: another Federation 2 subgraph an agency adds, composed with the nodes', () => {
  let mra: MraGateways;
  let gateway: RunningGateway;
  let closeAgency: () => Promise<void>;
  beforeAll(async () => {
    mra = await startMraGateways();
    const agency = await serveSubgraph('shipments', agencySchema);
    closeAgency = agency.close;
    gateway = await mra.startGateway('MX', { subgraphs: [{ name: 'shipments', url: agency.url }] });
  });
  afterAll(async () => {
    await mra?.close();
    await closeAgency?.();
  });

  it('an operator from the nodes, extended with the agency\'s shipments', async () => {
    const response = await gql(gateway.url, '{ operator(aeoId: "CR-AEO-000042") { legalName shipments { container } } }', {}, await mra.cluster.token('MX', 'officer'));
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ operator: { legalName: 'Exportadora 42 S.A.', shipments: [{ container: 'MSCU1234565' }] } });
  });

  it('shipments from the agency, their operators resolved through the nodes by jurisdiction and under the MRA terms', async () => {
    const response = await gql(gateway.url, '{ shipments { id operator { aeoId legalName taxId } } }', {}, await mra.cluster.token('MX', 'officer'));
    expect(response.data).toEqual({
      shipments: [
        { id: 'S1', operator: { aeoId: 'CR-AEO-000042', legalName: 'Exportadora 42 S.A.', taxId: null } },
        { id: 'S2', operator: { aeoId: 'MX-AEO-000001', legalName: 'Exportadora 1 S.A.', taxId: '3-101-000001' } },
      ],
    });
    expect(codesByPath(response)).toEqual({ 'shipments.0.operator.taxId': 'FORBIDDEN' });
  });
});
