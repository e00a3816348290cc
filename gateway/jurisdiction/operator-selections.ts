import {
  Kind, TypeInfo, visit, visitWithTypeInfo, type ASTNode, type DocumentNode, type FieldNode, type GraphQLSchema, type SelectionNode,
} from 'graphql';
import { PUBLIC_FIELDS } from '../../subgraphs/node/index.js';
import { internalKeysFor, type InternalKeys } from './internal-keys.js';

export const OPERATOR_TYPE = 'Operator';

const field = (name: string, alias?: string, selections?: readonly SelectionNode[]): FieldNode => ({
  kind: Kind.FIELD,
  name: { kind: Kind.NAME, value: name },
  ...(alias ? { alias: { kind: Kind.NAME, value: alias } } : {}),
  ...(selections ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
});

const identity = (keys: InternalKeys): readonly FieldNode[] => [field('aeoId', keys.id), field('country', keys.owner)];

/** `mras { status parties terms { partner role fields } }`: what access decisions read. */
const terms = (keys: InternalKeys): FieldNode => field('mras', keys.terms, [
  field('status'), field('parties'), field('terms', undefined, [field('partner'), field('role'), field('fields')]),
]);

/**
 * The first fetch of a request: every Operator selection cut down to its public fields plus the
 * operator's id and owner, so nothing the MRA terms restrict is asked for before the gateway
 * knows whose operator it is. Query operations also read the MRA terms in the same round trip
 * (unless `readTerms` is false: the home node gives them otherwise).
 * `touched` is false when the document selects nothing of an Operator but its public fields: it
 * is then sent unchanged, since every caller, anonymous ones too, may see those. `keys` are the
 * response keys the gateway added (chosen so that none is one of the client's own).
 */
export function publicOperatorDocument(schema: GraphQLSchema, document: DocumentNode, readTerms = true): { document: DocumentNode; touched: boolean; keys: InternalKeys } {
  const keys = internalKeysFor(document);
  const IDENTITY = identity(keys);
  const typeInfo = new TypeInfo(schema);
  let touched = false;
  const reduced = visit(document, visitWithTypeInfo(typeInfo, {
    SelectionSet(node) {
      if (typeInfo.getParentType()?.name !== OPERATOR_TYPE) return undefined;
      const kept = node.selections.filter((s) => s.kind !== Kind.FIELD || PUBLIC_FIELDS.has(s.name.value));
      if (kept.length < node.selections.length) touched = true;
      return { ...node, selections: [...kept, ...IDENTITY] };
    },
  }));
  if (!touched) return { document, touched, keys };
  if (!readTerms) return { document: withoutUnused(reduced), touched, keys };
  const withTerms = visit(withoutUnused(reduced), {
    OperationDefinition(node) {
      if (node.operation !== 'query') return undefined;
      return { ...node, selectionSet: { ...node.selectionSet, selections: [...node.selectionSet.selections, terms(keys)] } };
    },
  });
  return { document: withTerms, touched, keys };
}

/**
 * Drops the fragments and variable definitions that cutting fields left unused: GraphQL refuses
 * a document that defines either without using it. (Values of dropped variables are ignored.)
 */
function withoutUnused(document: DocumentNode): DocumentNode {
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const usedFragments = new Set<string>();
  const usedVariables = new Set<string>();
  const collect = (node: ASTNode) => visit(node, {
    VariableDefinition: () => false,
    Variable: (variable) => void usedVariables.add(variable.name.value),
    FragmentSpread: (spread) => {
      const definition = fragments.get(spread.name.value);
      if (usedFragments.has(spread.name.value) || !definition) return;
      usedFragments.add(spread.name.value);
      collect(definition);
    },
  });
  document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).forEach(collect);
  return {
    ...document,
    definitions: document.definitions
      .filter((d) => d.kind !== Kind.FRAGMENT_DEFINITION || usedFragments.has(d.name.value))
      .map((d) => (d.kind === Kind.OPERATION_DEFINITION
        ? { ...d, variableDefinitions: d.variableDefinitions?.filter((v) => usedVariables.has(v.variable.name.value)) }
        : d)),
  };
}
