import { serveWithMercurius } from '../../subgraphs/node/index.js';
import { nodeContract } from './node.contract.js';

nodeContract('mercurius (fastify)', serveWithMercurius);
