/** The four Federation 2 subgraphs of the public gateway benchmarks (accounts, products, inventory, reviews). */
export { BENCH_QUERY } from './data.js';
export { composeBenchSupergraph } from './compose.js';
export { serveBenchSubgraphs, serveSubgraph, type ServedSubgraph } from './serve-subgraphs.js';
export { BENCH_SUBGRAPHS } from './subgraphs.js';
