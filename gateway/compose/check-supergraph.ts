import { Kind, parse } from 'graphql';
import { GatewayConfigError } from '../errors.js';

/**
 * Checks that the text of a `supergraph` file is a composed Federation 2 supergraph. Handed plain
 * SDL (a subgraph's schema), Hive's runtime took the text for a file path and failed with ENOENT.
 */
export function checkSupergraph(sdl: string, path: string): string {
  let definitions: readonly { kind: string; name?: { value: string } }[];
  try {
    definitions = parse(sdl, { noLocation: true }).definitions;
  } catch (error) {
    throw new GatewayConfigError(`supergraph ${path} is not GraphQL SDL: ${(error as Error).message}`);
  }
  if (!definitions.some((d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name?.value === 'join__Graph')) {
    throw new GatewayConfigError(`supergraph ${path} is not a composed Federation 2 supergraph (no join__Graph enum): compose the subgraphs first, or give them as --node/--subgraph`);
  }
  return sdl;
}
