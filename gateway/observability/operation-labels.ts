import type { FillLabelsFnParams } from '@graphql-mesh/plugin-prometheus';
import { getOperationAST } from 'graphql';

/** The labels of the runtime's request metrics, as the home lane gives them too (operationRecorder). */
export interface OperationLabelValues {
  readonly operationName: string;
  readonly operationType: string;
}

/**
 * An operation's labels, read from its document: the operation the request names (or its only
 * one), by its type, and by the name the request gives, else its own, else `Anonymous`. A
 * document that did not parse, or names no operation it has, is of type `unknown`. (The metrics
 * plugin reads the first definition, which may be a fragment: a label "undefined", and the
 * fragment's name for the operation's; nor do its labels come out the same for every phase.)
 */
export function operationLabels(params: FillLabelsFnParams, context: unknown): OperationLabelValues {
  const requested = requestedName(context);
  const operation = params.document ? getOperationAST(params.document, requested) : null;
  return { operationName: requested ?? operation?.name?.value ?? 'Anonymous', operationType: operation?.operation ?? 'unknown' };
}

/**
 * The phase of an error, by the phases the metrics name: an error the plugin counts without one is
 * a subscription's stream failing (say at its token's expiry), and an error in a subscription's
 * event is of its `subscribe` phase, not `execute`.
 */
export function errorPhase(params: FillLabelsFnParams, operationType: string): string {
  if (params.errorPhase === undefined) return 'subscribe';
  return params.errorPhase === 'execute' && operationType === 'subscription' ? 'subscribe' : params.errorPhase;
}

function requestedName(context: unknown): string | undefined {
  const name = (context as { params?: { operationName?: unknown } } | undefined)?.params?.operationName;
  return typeof name === 'string' && name !== '' ? name : undefined;
}
