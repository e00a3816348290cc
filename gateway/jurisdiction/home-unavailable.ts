import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { executeSync, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { unavailable, type NodeRequest } from './node-client.js';

/**
 * What an operation gets when its home node did not answer (the node down, unreachable, or no
 * GraphQL answer): every root field the home node would have answered is `null` with
 * NODE_UNAVAILABLE (naming the node) at its path and its place in the client's query, and
 * `__typename` is answered, so the rest of an answer never waits on the home node. A non-null
 * root field (`mras`, `operators`) that cannot be given nulls `data`, as GraphQL's execution
 * does. The operation runs on `schema` without its resolvers, so nothing is asked of anyone.
 */
export function homeUnavailable(schema: GraphQLSchema, home: string): (request: NodeRequest) => ExecutionResult {
  const bare = mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (field) => ({ ...field, resolve: undefined, subscribe: undefined }),
  });
  const fieldResolver = (): never => {
    throw unavailable(home);
  };
  return (request) => {
    const { data, errors } = executeSync({
      schema: bare, document: request.document, variableValues: request.variables ?? {}, operationName: request.operationName ?? null, rootValue: {}, fieldResolver,
    });
    return { data, ...(errors ? { errors } : {}) };
  };
}
