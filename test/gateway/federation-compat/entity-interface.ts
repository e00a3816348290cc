import type { CaseSubgraph } from './serve-case.js';

const products = [
  { __typename: 'Book', id: 'p1', sku: 'sku-1', title: 'Book 1' },
  { __typename: 'Magazine', id: 'p2', sku: 'sku-2', title: 'Magazine 1' },
  { __typename: 'Book', id: 'p3', sku: 'sku-3', title: 'Book 2' },
];
const reviews = [
  { id: 'r1', productId: 'p1', score: 5 },
  { id: 'r2', productId: 'p1', score: 3 },
  { id: 'r3', productId: 'p2', score: 4 },
];
const stock: Record<string, number> = { p1: 7, p3: 0 };

/**
 * The audit's entity-interface shapes (`simple-interface-object`, `abstract-types`): an entity interface (`Product @key`, Federation 2.3)
 * implemented by `Book` and `Magazine`; a subgraph that only knows `Product` as an
 * `@interfaceObject` (so its `_entities` and its `Review.product` return the interface, and the
 * gateway must find the concrete type from the owner); and a subgraph that extends one
 * implementation (`Book.stock`).
 */
export const entityInterface: readonly CaseSubgraph[] = [
  {
    name: 'products',
    typeDefs: /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Query { products: [Product] }
      interface Product @key(fields: "id") { id: ID! sku: String! }
      type Book implements Product @key(fields: "id") { id: ID! sku: String! title: String! }
      type Magazine implements Product @key(fields: "id") { id: ID! sku: String! title: String! }
    `,
    resolvers: {
      Query: { products: () => products },
      // An `_entities` call for the interface answers with the concrete type.
      Product: { __resolveReference: ({ id }: { id: string }) => products.find((p) => p.id === id) ?? null },
      Book: { __resolveReference: ({ id }: { id: string }) => products.find((p) => p.id === id && p.__typename === 'Book') ?? null },
      Magazine: { __resolveReference: ({ id }: { id: string }) => products.find((p) => p.id === id && p.__typename === 'Magazine') ?? null },
    },
  },
  {
    name: 'reviews',
    typeDefs: /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@interfaceObject"])
      type Query { topReviews: [Review] }
      type Product @key(fields: "id") @interfaceObject {
        id: ID!
        reviews: [Review]
        reviewsCount: Int!
      }
      type Review { id: ID! score: Int! product: Product }
    `,
    resolvers: {
      Query: { topReviews: () => reviews.filter((r) => r.score >= 4) },
      Product: {
        __resolveReference: ({ id }: { id: string }) => ({ id }),
        reviews: ({ id }: { id: string }) => reviews.filter((r) => r.productId === id),
        reviewsCount: ({ id }: { id: string }) => reviews.filter((r) => r.productId === id).length,
      },
      Review: { product: ({ productId }: { productId: string }) => ({ id: productId }) },
    },
  },
  {
    name: 'inventory',
    typeDefs: /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Book @key(fields: "id") { id: ID! stock: Int! }
    `,
    resolvers: {
      Book: { __resolveReference: ({ id }: { id: string }) => ({ id, stock: stock[id] ?? 0 }) },
    },
  },
];
