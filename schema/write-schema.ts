// npm run schema — writes schema/node.graphql from the code (a test checks it is current).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../subgraphs/config/index.js';
import { nodeSubgraphSdl } from './index.js';

writeFileSync(join(packageRoot(import.meta.dirname), 'schema', 'node.graphql'), await nodeSubgraphSdl());
console.log('wrote schema/node.graphql');
