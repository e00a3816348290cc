/** Deterministic data of the public federation benchmark shape: users, products, reviews, stock. */
export const USERS = Array.from({ length: 10 }, (_, i) => ({ id: String(i + 1), name: `User ${i + 1}`, username: `@user${i + 1}` }));
export const PRODUCTS = Array.from({ length: 10 }, (_, i) => ({ upc: String(i + 1), name: `Product ${i + 1}`, price: 100 + i * 37, weight: 10 + i * 3 }));
export const REVIEWS = Array.from({ length: 30 }, (_, i) => ({
  id: String(i + 1), body: `Review ${i + 1}: works as described.`, authorId: String((i % 10) + 1), upc: String(((i * 7) % 10) + 1),
}));
export const STOCK = new Map(PRODUCTS.map((p, i) => [p.upc, i % 3 !== 0]));

/** The query the public gateway benchmarks send: every subgraph, nested entity fetches. */
export const BENCH_QUERY = `query Bench {
  users { id username name reviews { id body product { name upc price reviews { body author { id username name } } } } }
  topProducts(first: 5) { name price inStock shippingEstimate reviews { body author { name username } } }
}`;
