import type { IncomingMessage } from 'node:http';
import { isAsyncIterable } from '@graphql-tools/utils';
import { getOperationAST, type DocumentNode, type GraphQLError, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Caller } from '../../subgraphs/node/index.js';
import type { Logger, OperationLabels, OperationRecorder } from '../observability/index.js';
import type { Authenticate, CallerContext } from '../security/index.js';
import type { GraphQLParamsBody } from './graphql-params.js';
import { maskGatewayError } from './mask-error.js';

/** Distinct operations remembered, and their texts' total size: past either, the oldest is forgotten (it goes through the runtime once more). */
const REMEMBERED = 1000;
const REMEMBERED_CHARACTERS = 4_000_000;
/** A longer text is never remembered: it always goes through the runtime. */
const LONGEST_TEXT = 64_000;

/** What an accepted operation needs to run again without the runtime. */
interface Accepted {
  readonly document: DocumentNode;
  readonly schema: GraphQLSchema;
  readonly labels: OperationLabels;
}

/** The context the lane's checks and execution see: the caller, as the runtime's plugins put it. */
export type LaneContext = CallerContext & { readonly req: IncomingMessage };

export interface HomeLaneOptions {
  /** The caller of an Authorization value, as the runtime authenticates it (throws UNAUTHENTICATED). */
  readonly authenticate: Authenticate;
  /** The checks the runtime runs before an operation, in its order (each throws its refusal). */
  readonly admit: readonly ((context: LaneContext, document: DocumentNode) => void)[];
  /** The runtime's execution of an operation of the nodes' only (`directExecution`). */
  readonly execute: (args: ExecutionArgs) => Promise<ExecutionResult> | ExecutionResult | AsyncIterable<ExecutionResult>;
  readonly record?: OperationRecorder;
  /** Where an error the mask replaces is logged (error level), as the runtime logs it. */
  readonly log?: Logger;
}

/**
 * The home lane: an operation of the nodes' only (a query or mutation the node schema alone
 * answers) that the runtime has already accepted once (parsed, validated, within the limits) is,
 * when the same document comes again, run without the runtime's pipeline: authentication, the
 * admission checks (anonymous introspection, rate limit), variable coercion, the jurisdiction
 * executor and error masking are the very functions the runtime's plugins call, in the same
 * order; the runtime's request metrics count it. The runtime's parse and validation would give
 * the same answer for the same text and schema, so they are not repeated.
 */
export function homeLane(options: HomeLaneOptions) {
  const accepted = new Map<string, Accepted>();
  let characters = 0;
  const keyOf = (query: string, operationName: unknown) => `${typeof operationName === 'string' ? operationName : ''}\n${query}`;
  const masked = (error: unknown): GraphQLError => {
    const shown = maskGatewayError(error) as GraphQLError;
    if (shown !== error) options.log?.error(error instanceof Error ? error.message : String(error), { code: shown.extensions.code });
    return shown;
  };
  return {
    /** Notes an operation the runtime accepted and ran as the nodes' only. */
    accept(args: ExecutionArgs): void {
      const params = (args.contextValue as { params?: { query?: unknown; operationName?: unknown } } | undefined)?.params;
      const operation = getOperationAST(args.document, args.operationName);
      if (typeof params?.query !== 'string' || params.query.length > LONGEST_TEXT || !operation || operation.operation === 'subscription') return;
      const key = keyOf(params.query, params.operationName);
      if (accepted.has(key)) return;
      while (accepted.size >= REMEMBERED || (accepted.size > 0 && characters + key.length > REMEMBERED_CHARACTERS)) {
        const oldest = accepted.keys().next().value as string;
        accepted.delete(oldest);
        characters -= oldest.length;
      }
      characters += key.length;
      const labels = { operationType: operation.operation, operationName: args.operationName ?? operation.name?.value ?? 'Anonymous' };
      accepted.set(key, { document: args.document, schema: args.schema, labels });
    },
    /** The answer to a request (well-formed: `graphQLParamsOf`) for an accepted operation, or undefined: the runtime must judge it. */
    answer(params: GraphQLParamsBody, req: IncomingMessage): Promise<ExecutionResult> | undefined {
      // An empty operation name is the runtime's to refuse; it is not the same as none.
      if (params.operationName === '') return undefined;
      const known = accepted.get(keyOf(params.query, params.operationName));
      return known && run(known, params, req);
    },
  };

  async function run(known: Accepted, params: GraphQLParamsBody, req: IncomingMessage): Promise<ExecutionResult> {
    const started = performance.now();
    const authorization = req.headers.authorization;
    let caller: Caller | null;
    try {
      caller = await options.authenticate(authorization);
    } catch (error) {
      // As in the runtime: a refused token is an error of the context phase, and no operation ran.
      const refused = { errors: [masked(error)] };
      options.record?.(known.labels, 'context', refused);
      return refused;
    }
    const result = await outcome(known, params, { req, mraCaller: caller, mraAuthorization: authorization });
    options.record?.(known.labels, 'execute', result, (performance.now() - started) / 1000);
    return result;
  }

  async function outcome({ document, schema }: Accepted, params: GraphQLParamsBody, context: LaneContext): Promise<ExecutionResult> {
    try {
      for (const admit of options.admit) admit(context, document);
      const result = await options.execute({
        schema, document, contextValue: context,
        variableValues: params.variables ?? {},
        operationName: params.operationName ?? null,
      });
      if (isAsyncIterable(result)) throw new Error('the home lane got a stream for a query');
      return result.errors ? { ...result, errors: result.errors.map(masked) } : result;
    } catch (error) {
      return { errors: [masked(error)] };
    }
  }
}

export type HomeLane = ReturnType<typeof homeLane>;
