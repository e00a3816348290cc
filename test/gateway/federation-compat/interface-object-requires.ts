import type { CaseSubgraph } from './serve-case.js';

const users = [
  { id: 'u1', name: 'Ana', username: 'ana.mx', age: 31 },
  { id: 'u2', name: 'Beto', username: 'beto.cr', age: 42 },
];

/**
 * The audit's `interface-object-with-requires` shape: `profiles` knows the entity interface
 * `NodeWithName` only as an `@interfaceObject`, and its `username` requires the interface's
 * `name`, which `profiles` declares `@external`. The gateway must fetch `name` from `accounts`
 * (the owner) and pass it in the representation; `profiles` never resolves it.
 */
export const interfaceObjectRequires: readonly CaseSubgraph[] = [
  {
    name: 'accounts',
    typeDefs: /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Query { users: [NodeWithName] }
      interface NodeWithName @key(fields: "id") { id: ID! name: String }
      type User implements NodeWithName @key(fields: "id") { id: ID! name: String age: Int }
    `,
    resolvers: {
      Query: { users: () => users.map(({ id, name, age }) => ({ __typename: 'User', id, name, age })) },
      NodeWithName: { __resolveReference: ({ id }: { id: string }) => { const user = users.find((u) => u.id === id); return user ? { __typename: 'User', ...user } : null; } },
      User: { __resolveReference: ({ id }: { id: string }) => users.find((u) => u.id === id) ?? null },
    },
  },
  {
    name: 'profiles',
    typeDefs: /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@interfaceObject", "@external", "@requires"])
      type Query { anotherUsers: [NodeWithName] }
      type NodeWithName @key(fields: "id") @interfaceObject {
        id: ID!
        name: String @external
        username: String @requires(fields: "name")
      }
    `,
    resolvers: {
      Query: { anotherUsers: () => users.map(({ id }) => ({ id })) },
      NodeWithName: {
        __resolveReference: (reference: { id: string; name?: string }) => reference,
        username: ({ id, name }: { id: string; name?: string }) => {
          // The audit's check: the requirement must have come from the owner.
          if (name === undefined) throw new Error('required field name was not provided');
          return users.find((u) => u.id === id)?.username ?? null;
        },
      },
    },
  },
];
