import {
  getNamedType, isInterfaceType, isNonNullType, isObjectType, isUnionType, parse, validate, type GraphQLNamedType, type GraphQLSchema,
} from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { armorOptions, costRule, NODE_LIMITS } from '../../subgraphs/node/index.js';

/**
 * Every field of `type` a client can ask without arguments, recursively (a type already on the
 * path is not entered again): the largest selection the schema allows of it.
 */
export function fullSelection(schema: GraphQLSchema, type: GraphQLNamedType, path: readonly string[] = []): string {
  if (isUnionType(type)) return `__typename ${type.getTypes().map((t) => `... on ${t.name} { ${fullSelection(schema, t, path)} }`).join(' ')}`;
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  const fields = Object.values(type.getFields())
    .filter((field) => !field.name.startsWith('_') && !field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined))
    .flatMap((field) => {
      const named = getNamedType(field.type);
      if (!isObjectType(named) && !isInterfaceType(named) && !isUnionType(named)) return [field.name];
      if (path.includes(named.name)) return [];
      const inner = fullSelection(schema, named, [...path, type.name]);
      return inner ? [`${field.name} { ${inner} }`] : [];
    });
  return fields.join(' ');
}

/** The cost (GraphQL Armor's measure, configured as the servers configure it) and depth of a query. */
export function measure(schema: GraphQLSchema, query: string): { cost: number; depth: number } {
  const document = parse(query);
  const options = armorOptions(NODE_LIMITS);
  let cost = 0;
  let depth = 0;
  validate(schema, document, [
    costRule({ ...options.cost, maxCost: 0, onReject: [(_ctx, error) => void (cost = Number(/found (\d+)/.exec(error.message)?.[1] ?? 0))], propagateOnRejection: false }),
    maxDepthRule({ ...options.depth, n: 0, onReject: [(_ctx, error) => void (depth = Number(/found (\d+)/.exec(error.message)?.[1] ?? 0))], propagateOnRejection: false }),
  ]);
  return { cost, depth };
}
