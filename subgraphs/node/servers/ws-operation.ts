import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { assertMayExecute } from '../access/index.js';
import type { NodeContext } from '../country-node.js';
import { maskError } from '../errors.js';
import { limitRules } from './limits.js';

/** What a graphql-ws client sends in a `subscribe` message. */
export interface WsPayload {
  readonly query: string;
  readonly variables?: Record<string, unknown> | null;
  readonly operationName?: string | null;
}

/**
 * An operation received over graphql-ws, checked as HTTP requests are: parsed, validated, and
 * refused for a bad token or an anonymous caller's introspection; errors masked (no suggestions).
 * The execution arguments, or the errors to answer with.
 */
export function wsOperation(schema: GraphQLSchema, payload: WsPayload, context: NodeContext): ExecutionArgs | readonly GraphQLError[] {
  let document;
  try {
    document = parse(payload.query);
  } catch (error) {
    return [maskError(error instanceof GraphQLError ? error : new GraphQLError(String(error)))];
  }
  const refused = refusalsOf(schema, document, context);
  if (refused.length > 0) return refused;
  return { schema, document, variableValues: payload.variables ?? {}, operationName: payload.operationName ?? null, contextValue: context };
}

/**
 * Why an operation over a websocket may not run: GraphQL validation with the node's limits, a
 * bad token, an anonymous caller's introspection. Masked as over HTTP; empty when it may run.
 */
export function refusalsOf(schema: GraphQLSchema, document: DocumentNode, context: NodeContext): readonly GraphQLError[] {
  const invalid = validate(schema, document, [...specifiedRules, ...limitRules()]);
  if (invalid.length > 0) return invalid.map((error) => maskError(error));
  try {
    assertMayExecute(document, context);
  } catch (error) {
    return [maskError(error instanceof GraphQLError ? error : new GraphQLError(String(error)))];
  }
  return [];
}
