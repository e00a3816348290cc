import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ExecutionRequest, Executor } from '@graphql-tools/utils';
import type { CallerContext } from '../security/index.js';
import type { JurisdictionExecutor } from './jurisdiction-executor.js';

/**
 * Hands every fetch the planner makes from a country-node subgraph to the jurisdiction executor,
 * whichever node the planner picked (the nodes serve one shared schema, so the planner cannot
 * tell them apart; the executor routes by whose operator it is). Other subgraphs are untouched.
 */
export function useJurisdiction(nodeSubgraphs: ReadonlySet<string>, execute: JurisdictionExecutor): GatewayPlugin {
  return {
    onSubgraphExecute({ subgraphName, setExecutor }) {
      if (!nodeSubgraphs.has(subgraphName)) return;
      const executor = (request: ExecutionRequest) => {
        const context = (request.context ?? {}) as Partial<CallerContext>;
        return execute({
          document: request.document,
          variables: request.variables as Record<string, unknown> | undefined ?? {},
          ...(request.operationName ? { operationName: request.operationName } : {}),
          caller: context.mraCaller ?? null,
          authorization: context.mraAuthorization,
        });
      };
      // The executor is not generic over the result shape; the planner reads it as any subgraph's.
      setExecutor(executor as Executor);
    },
  };
}
