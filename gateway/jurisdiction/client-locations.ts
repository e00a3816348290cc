import { GraphQLError, Kind, type ExecutionResult, type FieldNode, type SelectionSetNode } from 'graphql';
import type { DocumentParts } from './operator-sites.js';

/**
 * The client's field nodes at a response path of its operation (through inline fragments and
 * fragment spreads; list indexes skipped), or undefined when no field of the client's answers it
 * (a key the gateway added). An error at the path points at these, as a node's own errors do.
 */
export function fieldNodesAt(parts: DocumentParts, path: readonly (string | number)[]): readonly FieldNode[] | undefined {
  let sets: readonly SelectionSetNode[] = [parts.operation.selectionSet];
  let nodes: FieldNode[] = [];
  for (const key of path) {
    if (typeof key === 'number') continue;
    nodes = sets.flatMap((set) => fieldsAnswering(key, set, parts));
    if (nodes.length === 0) return undefined;
    sets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  }
  return nodes.length > 0 ? nodes : undefined;
}

function fieldsAnswering(key: string, set: SelectionSetNode, parts: DocumentParts): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return (selection.alias ?? selection.name).value === key ? [selection] : [];
    const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : parts.fragments[selection.name.value]?.selectionSet;
    return inner ? fieldsAnswering(key, inner, parts) : [];
  });
}

/**
 * A node's answer with each error at a path pointing into the client's query. The gateway sends a
 * node its own print of the client's document (cut down, or wrapped in `_entities`), so a node's
 * `locations` (dropped on the way: see postQuery) would point into that; the path leads back to the
 * client's fields.
 */
export function withClientLocations(result: ExecutionResult, parts: DocumentParts): ExecutionResult {
  if (!result.errors?.some((e) => e.path !== undefined)) return result;
  return { ...result, errors: result.errors.map((error) => atClientFields(error, parts, error.path)) };
}

/** `error` at `path` (the client's), pointing at the client's fields there if any answer it. */
export function atClientFields(error: GraphQLError, parts: DocumentParts, path: readonly (string | number)[] | undefined): GraphQLError {
  if (path === undefined) return error;
  const nodes = fieldNodesAt(parts, path);
  return new GraphQLError(error.message, {
    path, extensions: error.extensions, ...(nodes ? { nodes } : {}), ...(error.originalError ? { originalError: error.originalError } : {}),
  });
}
