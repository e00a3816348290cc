import { serveWithApollo } from '../../subgraphs/node/index.js';
import { nodeContract } from './node.contract.js';

nodeContract('Apollo Server (express)', serveWithApollo);
