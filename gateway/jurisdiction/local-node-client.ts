import { isAsyncIterable, mapAsyncIterator } from '@graphql-tools/utils';
import { execute, subscribe, type ExecutionResult, type GraphQLError } from 'graphql';
import { mraViews } from '../../subgraphs/ledger/index.js';
import { assertMayExecute, buildNodeSchema, maskError, toGraphQLError, type CountryNode, type NodeContext } from '../../subgraphs/node/index.js';
import { inSpan } from '../../subgraphs/telemetry/index.js';
import type { NodeClient, NodeRequest } from './node-client.js';

/**
 * The home node, when the gateway runs beside it in one process: each request is executed on the
 * node's own schema with the node's own context (its authentication of the caller's token, its
 * access rules, its error masking), as its HTTP server would, without the HTTP hop. Documents
 * come from the gateway, which the runtime has already validated, so they are not validated again.
 * The MRA terms the gateway decides by are read from the node's replica directly.
 */
export async function localNodeClient(node: CountryNode): Promise<NodeClient> {
  const schema = await buildNodeSchema();
  /** The node's context for this caller, or the errors its servers would refuse the request with. */
  async function contextFor(request: NodeRequest, authorization: string | undefined): Promise<NodeContext | ExecutionResult> {
    const context = await node.contextFor(authorization);
    try {
      assertMayExecute(request.document, context);
      return context;
    } catch (error) {
      return { errors: [maskError(toGraphQLError(error))] };
    }
  }
  const masked = (result: ExecutionResult): ExecutionResult =>
    (result.errors ? { ...result, errors: result.errors.map((e) => maskError(e as GraphQLError)) } : result);
  return {
    country: node.country,
    url: 'in-process',
    mras: () => mraViews(node.replica.state),
    query(request, authorization) {
      return inSpan(`mra-hub node ${node.country} (in-process)`, { 'mra.node': node.country }, async () => {
        const context = await contextFor(request, authorization);
        if ('errors' in context) return context;
        return masked(await execute({
          schema, document: request.document, variableValues: request.variables ?? {},
          operationName: request.operationName ?? null, contextValue: context,
        }));
      });
    },
    subscribe(request, authorization) {
      return deferred(async () => {
        const context = await contextFor(request, authorization);
        if ('errors' in context) return once(context);
        const events = await subscribe({
          schema, document: request.document, variableValues: request.variables ?? {},
          operationName: request.operationName ?? null, contextValue: context,
        });
        return isAsyncIterable(events) ? mapAsyncIterator(events, masked) : once(masked(events));
      });
    },
  };
}

/**
 * An iterator started on first use. Its `return()` goes straight to the node's feed (which ends
 * a pending `next()`), so a subscriber that leaves a quiet feed is let go at once; an async
 * generator would wait behind the pending `next()`.
 */
function deferred(start: () => Promise<AsyncIterator<ExecutionResult>>): AsyncIterableIterator<ExecutionResult> {
  let started: Promise<AsyncIterator<ExecutionResult>> | undefined;
  const inner = () => (started ??= start());
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    next: async () => (await inner()).next(),
    return: async () => (await (await inner()).return?.()) ?? { done: true, value: undefined },
    throw: async (error: unknown) => {
      const it = await inner();
      return it.throw ? it.throw(error) : Promise.reject(error);
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** One result, then done. */
function once(result: ExecutionResult): AsyncIterator<ExecutionResult> {
  let given = false;
  return {
    next: async () => {
      if (given) return { done: true, value: undefined };
      given = true;
      return { done: false, value: result };
    },
  };
}
