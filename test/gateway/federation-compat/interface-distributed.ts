import type { CaseSubgraph } from './serve-case.js';

const appliances = [
  { __typename: 'Oven', id: 'oven1', warranty: 1 },
  { __typename: 'Oven', id: 'oven2', warranty: 2 },
  { __typename: 'Toaster', id: 'toaster1', warranty: 3 },
  { __typename: 'Toaster', id: 'toaster2', warranty: 4 },
] as const;
const find = (typename: string) => ({ id }: { id: string }) => appliances.find((a) => a.id === id && a.__typename === typename) ?? null;
const toasters = () => appliances.filter((a) => a.__typename === 'Toaster');

/**
 * The audit's `union-interface-distributed` shape: `Oven` implements `Node` and `WithWarranty`
 * only in `service`; `kitchen` returns ovens in the union `Product` but does not know them as
 * `Node`. The supergraph's `Oven` implements both, so a fragment on `Node` must still reach the
 * ovens `kitchen` returns, through `service`.
 */
export const interfaceDistributed: readonly CaseSubgraph[] = [
  {
    name: 'kitchen',
    typeDefs: /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Query { products: [Product] nodes: [Node] node(id: ID!): Node toasters: [Toaster] }
      union Product = Oven | Toaster
      interface Node { id: ID! }
      interface WithWarranty { warranty: Int }
      type Oven @key(fields: "id") { id: ID! }
      type Toaster implements Node & WithWarranty @key(fields: "id") { id: ID! warranty: Int }
    `,
    resolvers: {
      Query: {
        products: () => appliances,
        nodes: toasters,
        toasters,
        // Returns an oven too, which this subgraph's schema does not allow as a Node: an error.
        node: (_: unknown, { id }: { id: string }) => appliances.find((a) => a.id === id) ?? null,
      },
      Oven: { __resolveReference: find('Oven') },
      Toaster: { __resolveReference: find('Toaster') },
    },
  },
  {
    name: 'service',
    typeDefs: /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      interface Node { id: ID! }
      interface WithWarranty { warranty: Int }
      type Oven implements Node & WithWarranty @key(fields: "id") { id: ID! warranty: Int }
    `,
    resolvers: { Oven: { __resolveReference: find('Oven') } },
  },
];
