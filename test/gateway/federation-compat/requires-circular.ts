import type { CaseSubgraph } from './serve-case.js';

const authors = [
  { id: 'a1', name: 'Ana', yearsOfExperience: 5 },
  { id: 'a2', name: 'Beto', yearsOfExperience: 20 },
];
const posts = [
  { id: 'p1', authorId: 'a1' },
  { id: 'p2', authorId: 'a2' },
];

/**
 * The audit's `requires-circular` shape: `posts.byExpert` requires `byNovice` from `authors`,
 * whose `byNovice` requires `author { yearsOfExperience }` back from `posts`. The planner must
 * go posts → authors → posts → authors → posts without looping.
 */
export const requiresCircular: readonly CaseSubgraph[] = [
  {
    name: 'posts',
    typeDefs: /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])
      type Query { feed: [Post] }
      type Post @key(fields: "id") {
        id: ID!
        byNovice: Boolean! @external
        byExpert: Boolean @requires(fields: "byNovice")
      }
      type Author @key(fields: "id") {
        id: ID!
        name: String!
        yearsOfExperience: Int!
      }
    `,
    resolvers: {
      Query: { feed: () => posts.map(({ id }) => ({ id })) },
      Post: {
        __resolveReference: (reference: { id: string; byNovice?: boolean }) => reference,
        // null when byNovice did not come: the requirement must not be skipped.
        byExpert: ({ byNovice }: { byNovice?: boolean }) => (byNovice === undefined ? null : !byNovice),
      },
      Author: { __resolveReference: ({ id }: { id: string }) => authors.find((a) => a.id === id) ?? null },
    },
  },
  {
    name: 'authors',
    typeDefs: /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])
      type Post @key(fields: "id") {
        id: ID!
        author: Author
        byNovice: Boolean! @requires(fields: "author { yearsOfExperience }")
      }
      type Author @key(fields: "id") {
        id: ID!
        yearsOfExperience: Int! @external
      }
    `,
    resolvers: {
      Post: {
        __resolveReference: (reference: { id: string; author?: { yearsOfExperience: number } }) => reference,
        author: ({ id }: { id: string }) => ({ id: posts.find((p) => p.id === id)?.authorId }),
        byNovice: ({ author }: { author?: { yearsOfExperience: number } }) => {
          if (!author) throw new Error('author { yearsOfExperience } was not provided');
          return author.yearsOfExperience < 10;
        },
      },
      Author: { __resolveReference: ({ id }: { id: string }) => ({ id }) },
    },
  },
];
