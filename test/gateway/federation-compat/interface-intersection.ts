import type { CaseSubgraph } from './serve-case.js';

const book = { __typename: 'Book', id: 'b1', title: 'Pedro Páramo' };
const song = { __typename: 'Song', id: 's1', title: 'La Bamba' };

/**
 * Union intersection's twin for interfaces (the audit's `union-interface-distributed` shape):
 * `Media` is implemented by `Book` and `Song` in one subgraph, by `Book` and `Movie` in the other.
 * The supergraph's `Media` has all three; each subgraph only ever sees the types it knows.
 */
export const interfaceIntersection: readonly CaseSubgraph[] = [
  {
    name: 'music',
    typeDefs: /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
      interface Media { title: String! }
      type Book implements Media @key(fields: "id") { id: ID! title: String! @shareable }
      type Song implements Media @key(fields: "id") { id: ID! title: String! @shareable }
      type Query {
        media: Media @shareable
        song: Media
        library: [Media]
      }
    `,
    resolvers: {
      Query: { media: () => book, song: () => song, library: () => [book, song] },
      Book: { __resolveReference: ({ id }: { id: string }) => (id === book.id ? book : null) },
      Song: { __resolveReference: ({ id }: { id: string }) => (id === song.id ? song : null) },
    },
  },
  {
    name: 'film',
    typeDefs: /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
      interface Media { title: String! }
      type Book implements Media @key(fields: "id") { id: ID! title: String! @shareable }
      type Movie implements Media @key(fields: "id") { id: ID! title: String! @shareable }
      type Query { media: Media @shareable }
    `,
    resolvers: {
      Query: { media: () => book },
      Book: { __resolveReference: ({ id }: { id: string }) => (id === book.id ? book : null) },
    },
  },
];
