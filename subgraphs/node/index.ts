/** The country node: a Federation 2 subgraph served from the authority's own replica. */
export { mayView, PRIVATE_FIELDS, PUBLIC_FIELDS, relationOf, visibleFields, type Caller, type Relation } from './access/policy.js';
export { authenticate, mintToken } from './access/tokens.js';
export { CountryNode, type CountryNodeOptions, type NodeContext, type StatusChange } from './country-node.js';
export { maskError, nodeError, toGraphQLError, type NodeErrorCode } from './errors.js';
export { FilePrivateStore, MemoryPrivateStore, privateDigest, type PrivateRecord, type PrivateStore } from './private-store.js';
export { buildNodeSchema } from './schema/build-subgraph.js';
export { serveWithApollo } from './servers/apollo.js';
export { serveWithMercurius } from './servers/mercurius.js';
export type { RunningServer, ServeOptions } from './servers/running-server.js';
