/** Supergraph composition (MIT: @theguild/federation-composition). */
export { composeSupergraph, withoutSubscriptions, type ComposeOptions } from './compose-supergraph.js';
export { fetchSubgraphSdl } from './fetch-sdl.js';
export { checkSupergraph, supergraphSubgraphs } from './check-supergraph.js';
export { loadSupergraph, type LoadSupergraphOptions } from './load-supergraph.js';
