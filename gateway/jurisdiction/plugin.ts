import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ExecutionRequest, Executor } from '@graphql-tools/utils';
import { validate, type DocumentNode, type ExecutionArgs, type GraphQLSchema } from 'graphql';
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
export function useJurisdiction(nodeSubgraphs: ReadonlySet<string>, execute: JurisdictionExecutor, nodeSchema: GraphQLSchema): GatewayPlugin {
  const nodeOnly = new WeakMap<DocumentNode, boolean>();
  const answeredByNodes = (document: DocumentNode): boolean => {
    let known = nodeOnly.get(document);
    if (known === undefined) {
      known = validate(nodeSchema, document).length === 0;
      nodeOnly.set(document, known);
    }
    return known;
  };
  const direct = (args: ExecutionArgs) => execute(requestOf(args.document, args.variableValues, args.operationName, args.contextValue));
  return {
    onExecute({ args, setExecuteFn }) {
      if (answeredByNodes(args.document)) setExecuteFn(direct as never);
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


