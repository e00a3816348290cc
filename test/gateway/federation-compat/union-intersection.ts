import type { CaseSubgraph } from './serve-case.js';

const book = { __typename: 'Book', id: 'b1', title: 'Pedro Páramo' };
const song = { __typename: 'Song', id: 's1', title: 'La Bamba' };
const viewer = () => ({ media: book, book, song });

/**
 * The audit's `union-intersection` shape: `Media` is `Book | Song` in one subgraph and
 * `Book | Movie` in the other; the supergraph's `Media` is all three. A fragment on a member
 * that a subgraph does not know must not reach that subgraph, and the answer must not depend on
 * which subgraph the planner picks for the shared root field.
 */
export const unionIntersection: readonly CaseSubgraph[] = [
  {
    name: 'music',
    typeDefs: /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
      union Media = Book | Song
      union ViewerMedia = Book | Song
      type Book @key(fields: "id") { id: ID! title: String! @shareable }
      type Song @key(fields: "id") { id: ID! title: String! @shareable }
      type Query {
        media: Media @shareable
        song: Media @shareable
        viewer: Viewer @shareable
      }
      type Viewer {
        media: ViewerMedia @shareable
        book: ViewerMedia @shareable
        song: ViewerMedia @shareable
      }
    `,
    resolvers: {
      Query: { media: () => book, song: () => song, viewer },
      Book: { __resolveReference: ({ id }: { id: string }) => (id === book.id ? book : null) },
      Song: { __resolveReference: ({ id }: { id: string }) => (id === song.id ? song : null) },
    },
  },
  {
    name: 'film',
    typeDefs: /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@shareable"])
      union Media = Book | Movie
      union ViewerMedia = Book | Movie
      type Book { title: String! @shareable }
      type Movie { title: String! @shareable }
      type Query {
        media: Media @shareable
        viewer: Viewer @shareable
      }
      type Viewer {
        media: ViewerMedia @shareable
        book: ViewerMedia @shareable
      }
    `,
    resolvers: {
      Query: { media: () => book, viewer: () => ({ media: book, book }) },
    },
  },
];
