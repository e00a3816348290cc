import {
  GraphQLError, Kind, parse, visit, type DefinitionNode, type DocumentNode, type ExecutionResult, type FieldNode, type SelectionNode,
} from 'graphql';
import { atClientFields } from './client-locations.js';
import { setKey } from './internal-keys.js';
import { printedOnce } from './printed.js';
import type { DocumentParts, OperatorSite } from './operator-sites.js';
import type { FieldFetch } from './plan-operator-fields.js';
import { OPERATOR_TYPE } from './operator-selections.js';
import { unavailable, type NodeClient } from './node-client.js';

const REPRESENTATIONS = parse('query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }');

/**
 * Fetches planned Operator fields from one node with `_entities`, one request per distinct
 * selection, carrying the caller's own token, and writes the answers (and the node's errors,
 * re-pathed) into the client's result. A node that cannot be reached leaves each field null
 * with NODE_UNAVAILABLE at its path.
 */
export async function fetchOperatorFields(
  client: NodeClient, fetches: readonly FieldFetch[], parts: DocumentParts,
  variables: Record<string, unknown>, authorization: string | undefined,
): Promise<GraphQLError[]> {
  const groups = new Map<string, { selections: readonly FieldNode[]; sites: Map<OperatorSite, FieldFetch[]> }>();
  for (const [site, list] of bySite(fetches)) {
    const selections = list.flatMap((f) => f.nodes);
    // The same selections (wherever they stand in the client's document) make one group and one request.
    const signature = selections.map(printedOnce).join(' ');
    const group = groups.get(signature) ?? { selections, sites: new Map() };
    group.sites.set(site, list);
    groups.set(signature, group);
  }
  const errors: GraphQLError[] = [];
  await Promise.all([...groups].map(async ([signature, { selections, sites }]) => {
    const entries = [...sites.entries()];
    const request = entitiesRequest(selections, parts, variables, signature);
    const representations = entries.map(([site]) => ({ __typename: OPERATOR_TYPE, aeoId: site.aeoId }));
    const result = await client.query({ document: request.document, variables: { ...request.variables, representations } }, authorization);
    errors.push(...merge(client.country, entries, result, parts));
  }));
  return errors;
}

function bySite(fetches: readonly FieldFetch[]): Map<OperatorSite, FieldFetch[]> {
  const map = new Map<OperatorSite, FieldFetch[]>();
  for (const fetch of fetches) map.set(fetch.site, [...(map.get(fetch.site) ?? []), fetch]);
  return map;
}

/** The `_entities` document for a group of fields of one client document, built once (by the document's parts and the group's printed selections). */
const BUILT = new WeakMap<DocumentParts, Map<string, { document: DocumentNode; variableNames: ReadonlySet<string> }>>();

/** `_entities(...) { ... on Operator { <the client's selections> } }` with the fragments and variables they use, and those variables' values. */
function entitiesRequest(selections: readonly FieldNode[], parts: DocumentParts, variables: Record<string, unknown>, signature: string) {
  const built = BUILT.get(parts) ?? new Map<string, { document: DocumentNode; variableNames: ReadonlySet<string> }>();
  BUILT.set(parts, built);
  let request = built.get(signature);
  if (!request) {
    request = entitiesDocument(selections, parts);
    built.set(signature, request);
  }
  const { document, variableNames } = request;
  const used = Object.fromEntries(Object.entries(variables).filter(([name]) => variableNames.has(name)));
  return { document, variables: used };
}

function entitiesDocument(selections: readonly FieldNode[], parts: DocumentParts): { document: DocumentNode; variableNames: ReadonlySet<string> } {
  const inline: SelectionNode = {
    kind: Kind.INLINE_FRAGMENT,
    typeCondition: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: OPERATOR_TYPE } },
    selectionSet: { kind: Kind.SELECTION_SET, selections },
  };
  const fragmentNames = new Set<string>();
  const variableNames = new Set<string>();
  const collect = (node: Parameters<typeof visit>[0]) => visit(node, {
    FragmentSpread: (spread) => {
      if (fragmentNames.has(spread.name.value)) return;
      fragmentNames.add(spread.name.value);
      const definition = parts.fragments[spread.name.value];
      if (definition) collect(definition);
    },
    Variable: (variable) => void variableNames.add(variable.name.value),
  });
  collect(inline);
  const document = visit(REPRESENTATIONS, {
    OperationDefinition: (operation) => ({
      ...operation,
      variableDefinitions: [
        ...(operation.variableDefinitions ?? []),
        ...(parts.operation.variableDefinitions ?? []).filter((d) => variableNames.has(d.variable.name.value)),
      ],
    }),
    Field: (field) => (field.name.value === '_entities' ? { ...field, selectionSet: { kind: Kind.SELECTION_SET, selections: [inline] } } : undefined),
  });
  const fragments: DefinitionNode[] = [...fragmentNames].flatMap((name) => parts.fragments[name] ?? []);
  return { document: { ...document, definitions: [...document.definitions, ...fragments] }, variableNames };
}

function merge(country: string, entries: readonly [OperatorSite, FieldFetch[]][], result: ExecutionResult, parts: DocumentParts): GraphQLError[] {
  const entities = (result.data as { _entities?: (Record<string, unknown> | null)[] } | null | undefined)?._entities;
  const errors: GraphQLError[] = [];
  entries.forEach(([site, list], i) => {
    for (const { key } of list) {
      const entity = entities?.[i];
      setKey(site.object, key, entity && Object.hasOwn(entity, key) ? entity[key] : null);
    }
  });
  if (!entities) {
    const coded = result.errors?.find((e) => typeof e.extensions?.code === 'string');
    for (const [site, list] of entries) {
      for (const { key, nodes } of list) {
        const path = [...site.path, key];
        errors.push(coded ? new GraphQLError(coded.message, { path, nodes, extensions: coded.extensions }) : unavailable(country, path, nodes));
      }
    }
    return errors;
  }
  for (const error of result.errors ?? []) {
    const [root, index, ...rest] = error.path ?? [];
    const entry = root === '_entities' && typeof index === 'number' ? entries[index] : undefined;
    // At the client's path, pointing at the client's fields there.
    if (entry) errors.push(atClientFields(error, parts, [...entry[0].path, ...rest]));
  }
  return errors;
}
