/** The node's GraphQL schema: type-graphql classes built into a Federation 2 subgraph. */
export { buildNodeSchema } from './build-subgraph.js';
export { MAX_PAGE } from './paging.js';
