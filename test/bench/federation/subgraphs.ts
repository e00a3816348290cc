import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { PRODUCTS, REVIEWS, STOCK, USERS } from './data.js';

type Ref = Record<string, unknown>;
const byId = <T extends Record<string, unknown>>(rows: readonly T[], key: keyof T) => new Map(rows.map((row) => [String(row[key]), row]));
const users = byId(USERS, 'id');
const products = byId(PRODUCTS, 'upc');

const HEADER = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires", "@provides", "@shareable"])';

/** accounts, products, inventory and reviews: the four subgraphs of the public benchmarks. */
export const BENCH_SUBGRAPHS: Readonly<Record<string, GraphQLSchema>> = {
  accounts: buildSubgraphSchema({
    typeDefs: parse(`${HEADER}
      type Query { me: User users: [User] }
      type User @key(fields: "id") { id: ID! name: String username: String @shareable }`),
    resolvers: {
      Query: { me: () => USERS[0], users: () => USERS },
      User: { __resolveReference: (ref: Ref) => users.get(String(ref.id)) },
    },
  }),
  products: buildSubgraphSchema({
    typeDefs: parse(`${HEADER}
      type Query { topProducts(first: Int = 5): [Product] }
      type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`),
    resolvers: {
      Query: { topProducts: (_: unknown, args: { first: number }) => PRODUCTS.slice(0, args.first) },
      Product: { __resolveReference: (ref: Ref) => products.get(String(ref.upc)) },
    },
  }),
  inventory: buildSubgraphSchema({
    typeDefs: parse(`${HEADER}
      type Product @key(fields: "upc") { upc: String! weight: Int @external price: Int @external inStock: Boolean shippingEstimate: Int @requires(fields: "price weight") }`),
    resolvers: {
      Product: {
        __resolveReference: (ref: Ref) => ({ ...ref, inStock: STOCK.get(String(ref.upc)) ?? false }),
        // Free for expensive items, otherwise by weight.
        shippingEstimate: (p: { price: number; weight: number }) => (p.price > 1000 ? 0 : Math.round(p.weight * 0.5)),
      },
    },
  }),
  reviews: buildSubgraphSchema({
    typeDefs: parse(`${HEADER}
      type Review @key(fields: "id") { id: ID! body: String author: User @provides(fields: "username") product: Product }
      type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
      type Product @key(fields: "upc") { upc: String! reviews: [Review] }`),
    resolvers: {
      Review: {
        author: (r: { authorId: string }) => ({ __typename: 'User', id: r.authorId, username: users.get(r.authorId)?.username }),
        product: (r: { upc: string }) => ({ __typename: 'Product', upc: r.upc }),
      },
      User: { reviews: (u: { id: string }) => REVIEWS.filter((r) => r.authorId === u.id) },
      Product: { reviews: (p: { upc: string }) => REVIEWS.filter((r) => r.upc === p.upc) },
    },
  }),
};
