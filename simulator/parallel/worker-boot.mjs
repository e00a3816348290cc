// Boots a simulator worker thread from TypeScript sources: registers tsx with the project's
// tsconfig (type-graphql needs its decorator settings), then loads the worker itself.
import { workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
await import(workerData.entry);
