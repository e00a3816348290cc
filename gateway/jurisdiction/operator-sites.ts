import {
  getNamedType, getNullableType, isListType, isObjectType, Kind, type DocumentNode, type FieldNode,
  type FragmentDefinitionNode, type GraphQLObjectType, type GraphQLOutputType, type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { collectFields, collectSubfields } from 'graphql/execution/collectFields.js';
import { setKey, type InternalKeys } from './internal-keys.js';
import { OPERATOR_TYPE } from './operator-selections.js';

/** One Operator object in a result, with what the client's document asked of it. */
export interface OperatorSite {
  readonly path: readonly (string | number)[];
  readonly object: Record<string, unknown>;
  readonly aeoId: string;
  readonly owner: string;
  /** Response key → the field nodes the client wrote for it (aliases, fragments merged). */
  readonly fields: ReadonlyMap<string, readonly FieldNode[]>;
}

export interface DocumentParts {
  readonly operation: OperationDefinitionNode;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
}

/** The operation to run (by name, or the only one) and the document's fragments. */
export function documentParts(document: DocumentNode, operationName?: string | null): DocumentParts {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) throw new Error(`document has no operation ${operationName ?? ''}`.trim());
  const fragments = Object.fromEntries(document.definitions
    .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
    .map((d) => [d.name.value, d]));
  return { operation, fragments };
}

/**
 * Walks `data` along the client's document and returns every Operator object in it — under
 * aliases, fragments, lists, connections or `_entities` — with the fields asked of it there.
 */
export function findOperatorSites(schema: GraphQLSchema, parts: DocumentParts, variables: Record<string, unknown>, data: Record<string, unknown>, keys: InternalKeys): OperatorSite[] {
  const root = schema.getRootType(parts.operation.operation);
  if (!root) return [];
  const sites: OperatorSite[] = [];
  const fields = collectFields(schema, parts.fragments, variables, root, parts.operation.selectionSet);
  const walkObject = (type: GraphQLObjectType, value: Record<string, unknown>, subfields: Map<string, readonly FieldNode[]>, path: (string | number)[]) => {
    if (type.name === OPERATOR_TYPE) {
      const aeoId = value[keys.id];
      const owner = value[keys.owner];
      if (typeof aeoId === 'string' && typeof owner === 'string') sites.push({ path, object: value, aeoId, owner, fields: subfields });
      return;
    }
    for (const [key, nodes] of subfields) {
      const name = nodes[0]?.name.value;
      const definition = name ? type.getFields()[name] : undefined;
      if (definition && Object.hasOwn(value, key)) walk(definition.type, value[key], nodes, [...path, key]);
    }
  };
  const walk = (type: GraphQLOutputType, value: unknown, nodes: readonly FieldNode[], path: (string | number)[]): void => {
    if (value === null || value === undefined) return;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      if (Array.isArray(value)) value.forEach((item, i) => walk(nullable.ofType as GraphQLOutputType, item, nodes, [...path, i]));
      return;
    }
    const runtime = runtimeType(schema, getNamedType(nullable), value, keys.id);
    if (runtime) walkObject(runtime, value as Record<string, unknown>, collectSubfields(schema, parts.fragments, variables, runtime, nodes), path);
  };
  walkObject(root, data, fields, []);
  return sites;
}

/** The object type a value has: its own for object types; for unions, by the id the gateway added. */
function runtimeType(schema: GraphQLSchema, named: ReturnType<typeof getNamedType>, value: unknown, idKey: string): GraphQLObjectType | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (isObjectType(named)) return named;
  const record = value as Record<string, unknown>;
  const name = Object.hasOwn(record, idKey) ? OPERATOR_TYPE : record.__typename;
  const type = typeof name === 'string' ? schema.getType(name) : undefined;
  return isObjectType(type) ? type : undefined;
}

/**
 * Puts an operator's keys back in the order the client's document asked for them, as GraphQL
 * orders a result map (spec, "Serialized Map Ordering"): the home replica answers the public
 * fields first and the fields the gateway fills in after (shared, private or denied) would
 * otherwise come last. Keys the document did not ask for are dropped. A site already in order is left untouched.
 */
export function putInRequestedOrder(site: OperatorSite): void {
  const present = [...site.fields.keys()].filter((key) => Object.hasOwn(site.object, key));
  const keys = Object.keys(site.object);
  if (keys.length === present.length && keys.every((key, i) => key === present[i])) return;
  const values = present.map((key) => site.object[key]);
  for (const key of keys) Reflect.deleteProperty(site.object, key);
  present.forEach((key, i) => setKey(site.object, key, values[i]));
}
