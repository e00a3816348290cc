import { Kind, TypeInfo, visit, visitWithTypeInfo, type ArgumentNode, type DocumentNode, type FieldNode, type GraphQLSchema } from 'graphql';

/** The arguments GraphQL Armor's cost rule multiplies a list's cost by. */
const PAGE_ARGUMENTS = ['first', 'last'];

const sized = (name: string, size: number): ArgumentNode => ({
  kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: name }, value: { kind: Kind.INT, value: String(size) },
});

/**
 * The document with every page size written out, for the cost rule: Armor multiplies a list's
 * cost by `first` or `last` only where it is a number in the query, so `operators(first: $n)`,
 * `operators(first: null)` and `operators` (first 20 by default) were counted as one operator
 * each. A variable page size is counted as the largest page it can be (validation comes before
 * variables, and a cached validation must hold for any of them); an omitted or null one as its
 * default in the schema (the page the node serves then), or the largest page without one.
 */
export function withPageSizes(schema: GraphQLSchema, document: DocumentNode, largestPage: number): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(document, visitWithTypeInfo(typeInfo, {
    Field: {
      leave(node): FieldNode | undefined {
        const given = node.arguments ?? [];
        const pageDefault = (name: string) => {
          const value = typeInfo.getFieldDef()?.args.find((arg) => arg.name === name)?.defaultValue;
          return typeof value === 'number' ? value : largestPage;
        };
        if (given.some((arg) => PAGE_ARGUMENTS.includes(arg.name.value))) {
          const written = given.map((arg) => {
            if (!PAGE_ARGUMENTS.includes(arg.name.value)) return arg;
            if (arg.value.kind === Kind.VARIABLE) return sized(arg.name.value, largestPage);
            if (arg.value.kind === Kind.NULL) return sized(arg.name.value, pageDefault(arg.name.value));
            return arg;
          });
          return written.some((arg, i) => arg !== given[i]) ? { ...node, arguments: written } : undefined;
        }
        const byDefault = typeInfo.getFieldDef()?.args.find((arg) => PAGE_ARGUMENTS.includes(arg.name) && typeof arg.defaultValue === 'number');
        if (!byDefault) return undefined;
        return { ...node, arguments: [...given, sized(byDefault.name, Number(byDefault.defaultValue))] };
      },
    },
  }));
}
