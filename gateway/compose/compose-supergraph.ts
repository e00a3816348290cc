import { composeServices } from '@theguild/federation-composition';
import { parse, visit, type DocumentNode } from 'graphql';
import { nodeSubgraphSdl } from '../../schema/index.js';
import type { GatewayConfig } from '../config/index.js';
import { GatewayConfigError } from '../errors.js';
import type { Logger } from '../observability/index.js';
import { fetchSubgraphSdl } from './fetch-sdl.js';

export interface ComposeOptions {
  readonly serviceToken?: string;
  readonly log: Logger;
  /** Reads a subgraph's SDL; replaceable in tests. */
  readonly fetchSdl?: typeof fetchSubgraphSdl;
}

/**
 * Composes the MRA's country nodes and the agency's other subgraphs into a supergraph with MIT
 * composition. A node that cannot be reached is composed from the node schema of this release
 * (every node runs it), so a partner being down never stops its partners' gateways from starting.
 * Root subscription fields cannot be shared, so only the home node contributes `Subscription`.
 */
export async function composeSupergraph(config: GatewayConfig, options: ComposeOptions): Promise<string> {
  const fetchSdl = options.fetchSdl ?? fetchSubgraphSdl;
  const services: { name: string; typeDefs: DocumentNode; url: string }[] = [];
  for (const node of config.nodes) {
    let sdl: string;
    try {
      sdl = await fetchSdl(node.url, options.serviceToken);
    } catch (error) {
      options.log.warn('node SDL unavailable; composing the node schema of this release', { country: node.country, reason: (error as Error).message });
      sdl = await nodeSubgraphSdl();
    }
    const typeDefs = parseSdl(sdl, node.country.toLowerCase());
    services.push({ name: node.country.toLowerCase(), typeDefs: node.country === config.home ? typeDefs : withoutSubscriptions(typeDefs), url: node.url });
  }
  for (const subgraph of config.subgraphs) {
    const sdl = await fetchSdl(subgraph.url, options.serviceToken).catch((error: Error) => {
      throw new GatewayConfigError(`subgraph ${subgraph.name}: ${error.message}`);
    });
    services.push({ name: subgraph.name, typeDefs: parseSdl(sdl, subgraph.name), url: subgraph.url });
  }
  const result = composeServices(services);
  if (result.errors && result.errors.length > 0) {
    throw new GatewayConfigError(`subgraphs do not compose: ${result.errors.map((e) => e.message).join('; ')}`);
  }
  if (!result.supergraphSdl) throw new GatewayConfigError('composition produced no supergraph');
  return result.supergraphSdl;
}

function parseSdl(sdl: string, name: string): DocumentNode {
  try {
    return parse(sdl);
  } catch (error) {
    throw new GatewayConfigError(`subgraph ${name}: SDL does not parse: ${(error as Error).message}`);
  }
}

/** A partner node's SDL without its root Subscription (the caller's home node serves it). */
export function withoutSubscriptions(typeDefs: DocumentNode): DocumentNode {
  return visit(typeDefs, {
    ObjectTypeDefinition: (node) => (node.name.value === 'Subscription' ? null : undefined),
    OperationTypeDefinition: (node) => (node.operation === 'subscription' ? null : undefined),
  });
}
