import { readFileSync } from 'node:fs';
import type { GatewayConfig } from '../config/index.js';
import { GatewayConfigError } from '../errors.js';
import type { Logger } from '../observability/index.js';
import { checkSupergraph } from './check-supergraph.js';
import { composeSupergraph } from './compose-supergraph.js';

export interface LoadSupergraphOptions {
  readonly log: Logger;
  /** Token to read the nodes' `_service { sdl }` (else `config.serviceTokenFile`, else none). */
  readonly serviceToken?: string;
}

/**
 * The supergraph a gateway of `config` serves: its `supergraph` file, checked, or the nodes and
 * subgraphs composed. `startGateway` serves it; `mra-hub gateway --print-supergraph` prints it.
 */
export async function loadSupergraph(config: GatewayConfig, options: LoadSupergraphOptions): Promise<string> {
  if (config.supergraph) return checkSupergraph(readText(config.supergraph, 'supergraph'), config.supergraph);
  const serviceToken = options.serviceToken ?? (config.serviceTokenFile ? readText(config.serviceTokenFile, 'service token') : undefined);
  return composeSupergraph(config, { log: options.log, ...(serviceToken !== undefined ? { serviceToken } : {}) });
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    throw new GatewayConfigError(`cannot read the ${what} ${path}: ${(error as Error).message}`);
  }
}
