/** Schema artefacts: the node subgraph's SDL (schema/node.graphql) and how it is printed. */
export { nodeSubgraphSdl } from './print-node-schema.js';
