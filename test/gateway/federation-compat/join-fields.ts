import { Kind, parse, print } from 'graphql';

/**
 * The `@join__field` applications of one field in a supergraph, printed and sorted
 * (`@join__field(graph: PROFILES, external: true)`), so a spec can check them whatever their order.
 */
export function joinFields(supergraph: string, typeName: string, fieldName: string): string[] {
  const type = parse(supergraph).definitions.find((d) => 'name' in d && d.name?.value === typeName && 'fields' in d);
  if (!type || !('fields' in type)) throw new Error(`no type ${typeName} in the supergraph`);
  const field = type.fields?.find((f) => f.kind === Kind.FIELD_DEFINITION && f.name.value === fieldName);
  if (!field) throw new Error(`no field ${typeName}.${fieldName} in the supergraph`);
  return (field.directives ?? []).filter((d) => d.name.value === 'join__field').map((d) => print(d)).sort();
}
