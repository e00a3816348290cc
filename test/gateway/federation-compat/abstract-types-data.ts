/** Data of the abstract-types case: products of two kinds, their publishers, users and reviews. */
export interface ProductRow {
  readonly __typename: 'Book' | 'Magazine';
  readonly id: string;
  readonly sku: string;
  readonly title: string;
  readonly dimensions: { readonly size: 'small' | 'large'; readonly weight: number };
  readonly createdBy: string;
  readonly publisher: { readonly __typename: 'Agency'; readonly id: string } | { readonly __typename: 'Self'; readonly email: string };
}

export const products: readonly ProductRow[] = [
  { __typename: 'Book', id: 'p1', sku: 'sku-1', title: 'Book 1', dimensions: { size: 'small', weight: 0.5 }, createdBy: 'u1@example.com', publisher: { __typename: 'Self', email: 'u1@example.com' } },
  { __typename: 'Magazine', id: 'p2', sku: 'sku-2', title: 'Magazine 1', dimensions: { size: 'small', weight: 0.2 }, createdBy: 'u2@example.com', publisher: { __typename: 'Agency', id: 'a1' } },
  { __typename: 'Book', id: 'p3', sku: 'sku-3', title: 'Book 2', dimensions: { size: 'small', weight: 0.6 }, createdBy: 'u2@example.com', publisher: { __typename: 'Agency', id: 'a2' } },
  { __typename: 'Magazine', id: 'p4', sku: 'sku-4', title: 'Magazine 2', dimensions: { size: 'large', weight: 1.5 }, createdBy: 'u1@example.com', publisher: { __typename: 'Self', email: 'u1@example.com' } },
];

export const agencies = [
  { id: 'a1', companyName: 'Agency 1', email: { address: 'a1@example.com' } },
  { id: 'a2', companyName: 'Agency 2', email: { address: 'a2@example.com' } },
];

export const reviews = [
  { id: 1, productId: 'p1', body: 'clear', score: 5 },
  { id: 2, productId: 'p1', body: 'long', score: 3 },
  { id: 3, productId: 'p2', body: 'timely', score: 4 },
];

/** The other products of the same kind. */
export function similarTo(id: string): ProductRow[] {
  const product = products.find((p) => p.id === id);
  return product ? products.filter((p) => p.id !== id && p.__typename === product.__typename) : [];
}

export function reviewsOf(productId: string) {
  return reviews.filter((r) => r.productId === productId).map((r) => ({ ...r, product: typed(productId) }));
}

/** A product reference with its concrete type, as a subgraph that knows the implementations returns it. */
export function typed(id: string) {
  const product = products.find((p) => p.id === id);
  return product ? { __typename: product.__typename, id } : null;
}
