import { Kind, parse, type DefinitionNode, type EnumTypeDefinitionNode } from 'graphql';
import { GatewayConfigError } from '../errors.js';

/**
 * Checks that the text of a `supergraph` file is a composed Federation 2 supergraph. Handed plain
 * SDL (a subgraph's schema), Hive's runtime took the text for a file path and failed with ENOENT.
 */
export function checkSupergraph(sdl: string, path: string): string {
  let definitions: readonly DefinitionNode[];
  try {
    definitions = parse(sdl, { noLocation: true }).definitions;
  } catch (error) {
    throw new GatewayConfigError(`supergraph ${path} is not GraphQL SDL: ${(error as Error).message}`);
  }
  if (!definitions.some(isJoinGraph)) {
    throw new GatewayConfigError(`supergraph ${path} is not a composed Federation 2 supergraph (no join__Graph enum): compose the subgraphs first, or give them as --node/--subgraph`);
  }
  return sdl;
}

/** The names of the subgraphs a composed supergraph joins (its `join__Graph` values' `@join__graph(name:)`: `mx`, `cr`, `shipments` ...). */
export function supergraphSubgraphs(sdl: string): string[] {
  const graph = parse(sdl, { noLocation: true }).definitions.find(isJoinGraph);
  return (graph?.values ?? []).map((value) => {
    const name = value.directives?.find((d) => d.name.value === 'join__graph')?.arguments?.find((a) => a.name.value === 'name')?.value;
    return name?.kind === Kind.STRING ? name.value : value.name.value.toLowerCase();
  });
}

function isJoinGraph(definition: DefinitionNode): definition is EnumTypeDefinitionNode {
  return definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph';
}
