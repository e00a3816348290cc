#!/usr/bin/env node
// The `mra-hub` executable: runs the TypeScript CLI through tsx's loader (no build step). The
// project's tsconfig is named explicitly: tsx would otherwise look for one from the current
// directory, and type-graphql's decorators need its `experimentalDecorators` wherever we run.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
await import('./main.ts');
