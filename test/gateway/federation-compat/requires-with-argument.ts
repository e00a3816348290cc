import type { CaseSubgraph } from './serve-case.js';

/** Prices per currency: a subgraph that needs the USD price must not be handed the EUR one. */
const products = [
  { upc: 'p1', name: 'pallet', price: { USD: 11, EUR: 10 }, weight: 1, categoryId: 'tools' },
  { upc: 'p2', name: 'container', price: { USD: 22, EUR: 20 }, weight: 2, categoryId: 'freight' },
];
const averagePrices: Record<string, Record<Currency, number>> = { tools: { USD: 11, EUR: 10 }, freight: { USD: 30, EUR: 19 } };
const comments = [
  { id: 'c1', postId: 'post1', authorId: 'u1' },
  { id: 'c2', postId: 'post1', authorId: 'u2' },
  { id: 'c3', postId: 'post1', authorId: 'u3' },
  { id: 'c4', postId: 'post2', authorId: 'u2' },
];
type Currency = keyof (typeof products)[number]['price'];

/**
 * The audit's `requires-with-argument` (and `-conflict`) shape: `@requires` selecting a field
 * with an argument (`price(currency: "USD")`), and a list field with an argument and a sub-selection
 * (`comments(limit: 2) { authorId }`). Two subgraphs require the same field with different
 * arguments (USD for shipping, EUR for duties), one of them nested (`category { averagePrice(...) }`).
 */
export const requiresWithArgument: readonly CaseSubgraph[] = [
  {
    name: 'catalogue',
    typeDefs: /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Query { products: [Product] }
      type Product @key(fields: "upc") {
        upc: String!
        name: String
        price(currency: String!): Int
        weight: Int
        category: Category
      }
      type Category @key(fields: "id") {
        id: ID!
        averagePrice(currency: String!): Int
      }
    `,
    resolvers: {
      Query: { products: () => products.map(({ upc }) => ({ upc })) },
      Product: {
        __resolveReference: ({ upc }: { upc: string }) => ({ upc }),
        name: ({ upc }: { upc: string }) => products.find((p) => p.upc === upc)?.name,
        weight: ({ upc }: { upc: string }) => products.find((p) => p.upc === upc)?.weight,
        price: ({ upc }: { upc: string }, { currency }: { currency: Currency }) => products.find((p) => p.upc === upc)?.price[currency],
        category: ({ upc }: { upc: string }) => ({ id: products.find((p) => p.upc === upc)?.categoryId }),
      },
      Category: {
        __resolveReference: ({ id }: { id: string }) => ({ id }),
        averagePrice: ({ id }: { id: string }, { currency }: { currency: Currency }) => averagePrices[id]?.[currency],
      },
    },
  },
  {
    name: 'shipping',
    typeDefs: /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])
      type Product @key(fields: "upc") {
        upc: String!
        weight: Int @external
        price(currency: String!): Int @external
        shippingEstimate: Int @requires(fields: "price(currency: \\"USD\\") weight")
      }
    `,
    resolvers: {
      Product: {
        __resolveReference: (reference: { upc: string; price?: number; weight?: number }) => reference,
        // null when the required fields did not come: the spec then fails instead of guessing.
        shippingEstimate: ({ price, weight }: { price?: number; weight?: number }) => (price === undefined || weight === undefined ? null : price * weight * 10),
      },
    },
  },
  {
    name: 'duties',
    typeDefs: /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])
      type Product @key(fields: "upc") {
        upc: String!
        weight: Int @external
        price(currency: String!): Int @external
        category: Category @external
        shippingEstimateEUR: Int @requires(fields: "price(currency: \\"EUR\\") weight")
        isExpensiveCategory: Boolean @requires(fields: "category { averagePrice(currency: \\"USD\\") }")
      }
      type Category @key(fields: "id", resolvable: false) {
        id: ID!
        averagePrice(currency: String!): Int @external
      }
    `,
    resolvers: {
      Product: {
        __resolveReference: (reference: { upc: string; price?: number; weight?: number; category?: { averagePrice?: number } }) => reference,
        shippingEstimateEUR: ({ price, weight }: { price?: number; weight?: number }) => (price === undefined || weight === undefined ? null : price * weight * 15),
        isExpensiveCategory: ({ category }: { category?: { averagePrice?: number } }) => (category?.averagePrice === undefined ? null : category.averagePrice > 20),
      },
    },
  },
  {
    name: 'comments',
    typeDefs: /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Query { feed: [Post] }
      type Post @key(fields: "id") {
        id: ID!
        comments(limit: Int!): [Comment]
      }
      type Comment @key(fields: "id") {
        id: ID!
        authorId: ID
      }
    `,
    resolvers: {
      Query: { feed: () => [{ id: 'post1' }, { id: 'post2' }] },
      Post: {
        __resolveReference: ({ id }: { id: string }) => ({ id }),
        comments: ({ id }: { id: string }, { limit }: { limit: number }) => comments.filter((c) => c.postId === id).slice(0, limit),
      },
      Comment: { __resolveReference: ({ id }: { id: string }) => comments.find((c) => c.id === id) ?? null },
    },
  },
  {
    name: 'moderation',
    typeDefs: /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])
      type Post @key(fields: "id") {
        id: ID!
        comments(limit: Int!): [Comment] @external
        leadCommenters: [ID] @requires(fields: "comments(limit: 2) { authorId }")
      }
      type Comment @key(fields: "id", resolvable: false) {
        id: ID!
        authorId: ID @external
      }
    `,
    resolvers: {
      Post: {
        __resolveReference: (reference: { id: string; comments?: { authorId: string }[] }) => reference,
        leadCommenters: ({ comments: required }: { comments?: { authorId: string }[] }) => required?.map((c) => c.authorId) ?? null,
      },
    },
  },
];
