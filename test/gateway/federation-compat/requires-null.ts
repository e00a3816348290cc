import type { CaseSubgraph } from './serve-case.js';

const weights: Record<string, number | null> = { i1: 3, i2: null };

/**
 * A `@requires` whose value is null for one entity. The requiring subgraph must receive
 * `weight: null`, so that it can tell "no weight" from "weight not fetched".
 */
export const requiresNull: readonly CaseSubgraph[] = [
  {
    name: 'scales',
    typeDefs: /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Query { items: [Item] item(id: ID!): Item }
      type Item @key(fields: "id") { id: ID! weight: Int }
    `,
    resolvers: {
      Query: { items: () => Object.keys(weights).map((id) => ({ id })), item: (_: unknown, { id }: { id: string }) => (id in weights ? { id } : null) },
      Item: { __resolveReference: ({ id }: { id: string }) => ({ id }), weight: ({ id }: { id: string }) => weights[id] ?? null },
    },
  },
  {
    name: 'labels',
    typeDefs: /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])
      type Item @key(fields: "id") { id: ID! weight: Int @external label: String @requires(fields: "weight") }
    `,
    resolvers: {
      Item: {
        __resolveReference: (reference: { id: string; weight?: number | null }) => reference,
        label: (item: { weight?: number | null }) => ('weight' in item ? `weight ${item.weight ?? 'unknown'}` : 'weight not provided'),
      },
    },
  },
];
