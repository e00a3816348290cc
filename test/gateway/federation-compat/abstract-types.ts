import { agencies, products, reviewsOf, similarTo, typed } from './abstract-types-data.js';
import type { CaseSubgraph } from './serve-case.js';

const F = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires"])';
const byId = ({ id }: { id: string }) => products.find((p) => p.id === id);

/** `similar { id }` and `dimensions { size weight }` arrive in the representation when required. */
interface Reference { id: string; similar?: { id: string }[]; dimensions?: { size: string; weight: number } }

function delivery({ dimensions }: Reference, { zip }: { zip?: string }) {
  if (!zip || !dimensions) return null; // a skipped requirement shows as null
  if (dimensions.size === 'small' && dimensions.weight < 1) return { estimatedDelivery: '1 day', fastestDelivery: 'same day' };
  if (dimensions.size === 'large' && dimensions.weight >= 1) return { estimatedDelivery: '3 days', fastestDelivery: '2 days' };
  return null;
}

const reviewed = {
  __resolveReference: (reference: Reference) => (byId(reference) ? reference : null),
  reviews: ({ id }: Reference) => reviewsOf(id),
  reviewsCount: ({ id }: Reference) => reviewsOf(id).length,
  reviewsOfSimilar: ({ similar }: Reference) => {
    if (!similar) throw new Error('similar { id } was not provided');
    return similar.flatMap(({ id }) => reviewsOf(id));
  },
};

/**
 * The audit's `abstract-types` shape: value interfaces (`Product`, `Similar`) whose implementations
 * are entities spread over four subgraphs, `@requires` on implementations (one with a field
 * argument), an abstract `Review.product` answered by a subgraph that knows the implementations,
 * and a union (`PublisherType`) whose members differ per subgraph, with a field (`email`) of a
 * different type per member.
 */
export const abstractTypes: readonly CaseSubgraph[] = [
  {
    name: 'products',
    typeDefs: /* GraphQL */ `${F}
      type Query { products: [Product] similar(id: ID!): [Product] }
      interface Product { id: ID! sku: String dimensions: ProductDimension createdBy: User }
      interface Similar { similar: [Product] }
      type ProductDimension @shareable { size: String weight: Float }
      type Book implements Product & Similar @key(fields: "id") {
        id: ID! sku: String dimensions: ProductDimension @shareable createdBy: User similar: [Book] publisherType: PublisherType
      }
      type Magazine implements Product & Similar @key(fields: "id") {
        id: ID! sku: String dimensions: ProductDimension @shareable createdBy: User similar: [Magazine] publisherType: PublisherType
      }
      union PublisherType = Agency | Self
      type Agency { id: ID! @shareable }
      type Self { email: String }
      type User @key(fields: "email") { email: ID! totalProductsCreated: Int }
    `,
    resolvers: {
      Query: { products: () => products, similar: (_: unknown, { id }: { id: string }) => similarTo(id) },
      Book: { __resolveReference: byId, similar: ({ id }: Reference) => similarTo(id), publisherType: (p: (typeof products)[number]) => p.publisher, createdBy: (p: (typeof products)[number]) => ({ email: p.createdBy }) },
      Magazine: { __resolveReference: byId, similar: ({ id }: Reference) => similarTo(id), publisherType: (p: (typeof products)[number]) => p.publisher, createdBy: (p: (typeof products)[number]) => ({ email: p.createdBy }) },
      User: {
        __resolveReference: ({ email }: { email: string }) => ({ email }),
        totalProductsCreated: ({ email }: { email: string }) => products.filter((p) => p.createdBy === email).length,
      },
    },
  },
  {
    name: 'reviews',
    typeDefs: /* GraphQL */ `${F}
      type Query { review(id: Int!): Review }
      interface Product { id: ID! reviewsCount: Int! reviews: [Review!]! }
      interface Similar { similar: [Product] }
      type Book implements Product & Similar @key(fields: "id") {
        id: ID! reviewsCount: Int! reviews: [Review!]! similar: [Book] @external reviewsOfSimilar: [Review!]! @requires(fields: "similar { id }")
      }
      type Magazine implements Product & Similar @key(fields: "id") {
        id: ID! reviewsCount: Int! reviews: [Review!]! similar: [Magazine] @external reviewsOfSimilar: [Review!]! @requires(fields: "similar { id }")
      }
      type Review { id: Int! body: String! product: Product }
    `,
    resolvers: {
      Query: { review: (_: unknown, { id }: { id: number }) => products.flatMap((p) => reviewsOf(p.id)).find((r) => r.id === id) ?? null },
      Book: reviewed,
      Magazine: reviewed,
      Review: { product: ({ productId }: { productId: string }) => typed(productId) },
    },
  },
  {
    name: 'inventory',
    typeDefs: /* GraphQL */ `${F}
      interface Product { id: ID! dimensions: ProductDimension delivery(zip: String): DeliveryEstimates }
      type ProductDimension @shareable { size: String weight: Float }
      type DeliveryEstimates { estimatedDelivery: String fastestDelivery: String }
      type Book implements Product @key(fields: "id") {
        id: ID! dimensions: ProductDimension @external delivery(zip: String): DeliveryEstimates @requires(fields: "dimensions { size weight }")
      }
      type Magazine implements Product @key(fields: "id") {
        id: ID! dimensions: ProductDimension @external delivery(zip: String): DeliveryEstimates @requires(fields: "dimensions { size weight }")
      }
    `,
    resolvers: {
      Book: { __resolveReference: (reference: Reference) => reference, delivery },
      Magazine: { __resolveReference: (reference: Reference) => reference, delivery },
    },
  },
  {
    name: 'titles',
    typeDefs: /* GraphQL */ `${F}
      type Book @key(fields: "id") { id: ID! title: String }
      type Magazine @key(fields: "id") { id: ID! title: String }
    `,
    resolvers: {
      Book: { __resolveReference: byId },
      Magazine: { __resolveReference: byId },
    },
  },
  {
    name: 'agency',
    typeDefs: /* GraphQL */ `${F}
      type Agency @key(fields: "id") { id: ID! companyName: String email: Email }
      type Email { address: String }
      type Group @key(fields: "id") { id: ID! name: String email: String }
      union PublisherType = Agency | Group
    `,
    resolvers: {
      Agency: { __resolveReference: ({ id }: { id: string }) => agencies.find((a) => a.id === id) ?? null },
      Group: { __resolveReference: ({ id }: { id: string }) => ({ id, name: `Group ${id}`, email: `group-${id}@example.com` }) },
    },
  },
];
