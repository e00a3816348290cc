import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ExecutionRequest, Executor } from '@graphql-tools/utils';
import { getVariableValues, GraphQLError, Kind, validate, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { CallerContext } from '../security/index.js';
import type { JurisdictionExecutor, JurisdictionRequest } from './jurisdiction-executor.js';

/**
 * Routes the country nodes' part of every operation by jurisdiction.
 * - An operation that only the nodes can answer (it is valid against the node schema alone) goes
 *   straight to the jurisdiction executor: the planner would send the same document to one node
 *   subgraph as a single fetch, so planning it would only cost time.
 * - In any other operation, every fetch the planner makes from a country-node subgraph goes to
 *   the executor, whichever node the planner picked (the nodes serve one shared schema, so the
 *   planner cannot tell them apart; the executor routes by whose operator it is). Other
 *   subgraphs are untouched.
 */
export interface JurisdictionPluginOptions {
  /** The country nodes' subgraph names (mx, cr, ...). */
  readonly nodeSubgraphs: ReadonlySet<string>;
  readonly execute: JurisdictionExecutor;
  /** The country-node subgraph schema: an operation valid against it alone is the nodes' only. */
  readonly nodeSchema: GraphQLSchema;
  /** Told of each operation that ran as the nodes' only (parsed, validated, within the limits, its caller admitted by every check). */
  readonly onNodeOnly?: (args: ExecutionArgs) => void;
}

export function useJurisdiction(options: JurisdictionPluginOptions): GatewayPlugin {
  const { nodeSubgraphs, execute, nodeSchema, onNodeOnly } = options;
  const nodeOnly = new WeakMap<DocumentNode, boolean>();
  const answeredByNodes = (document: DocumentNode): boolean => {
    let known = nodeOnly.get(document);
    if (known === undefined) {
      known = validate(nodeSchema, document).length === 0;
      nodeOnly.set(document, known);
    }
    return known;
  };
  const direct = directExecution(execute);
  return {
    onExecute({ args, setExecuteFn }) {
      if (!answeredByNodes(args.document)) return;
      setExecuteFn(direct as never);
      // Told once the operation has run: every plugin's onExecute check let it through.
      return onNodeOnly ? { onExecuteDone: () => onNodeOnly(args) } : undefined;
    },
    onSubscribe({ args, setSubscribeFn }) {
      if (answeredByNodes(args.document)) setSubscribeFn(direct as never);
    },
    onSubgraphExecute({ subgraphName, setExecutor }) {
      if (!nodeSubgraphs.has(subgraphName)) return;
      const executor = (request: ExecutionRequest) => execute(requestOf(request.document, request.variables, request.operationName, request.context));
      // The executor is not generic over the result shape; the planner reads it as any subgraph's.
      setExecutor(executor as Executor);
    },
  };
}

/**
 * Runs an operation of the nodes' only on the jurisdiction executor, as the runtime's own
 * execution would: the client's variables are coerced first (a wrong one is refused here).
 */
export function directExecution(execute: JurisdictionExecutor) {
  return (args: ExecutionArgs): ReturnType<JurisdictionExecutor> | ExecutionResult =>
    variableErrors(args) ?? execute(requestOf(args.document, args.variableValues, args.operationName, args.contextValue));
}

/**
 * GraphQL's variable coercion of the client's values against the gateway's schema: a missing
 * variable or a value of the wrong type is the client's error (BAD_USER_INPUT, HTTP 400), answered
 * before any node is asked, as the runtime answers it for operations it plans itself.
 */
function variableErrors(args: ExecutionArgs): ExecutionResult | undefined {
  const operation = args.document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION
    && (args.operationName ? d.name?.value === args.operationName : true));
  if (!operation?.variableDefinitions?.length) return undefined;
  const coerced = getVariableValues(args.schema, operation.variableDefinitions, (args.variableValues ?? {}) as Record<string, unknown>, { maxErrors: 50 });
  if (!coerced.errors) return undefined;
  return {
    errors: coerced.errors.map((error) => new GraphQLError(error.message, {
      nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code: 'BAD_USER_INPUT', http: { status: 400, spec: true } },
    })),
  };
}

/** The executor's request: the document, and the caller the gateway authenticated (from the context). */
function requestOf(document: DocumentNode, variables: unknown, operationName: string | null | undefined, context: unknown): JurisdictionRequest {
  const caller = (context ?? {}) as Partial<CallerContext>;
  return {
    document,
    variables: (variables ?? {}) as Record<string, unknown>,
    ...(operationName ? { operationName } : {}),
    caller: caller.mraCaller ?? null,
    authorization: caller.mraAuthorization,
  };
}


