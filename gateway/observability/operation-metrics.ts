import type { Counter, Histogram, Registry } from 'prom-client';
import type { ExecutionResult } from 'graphql';

/** An operation as the request metrics label it. */
export interface OperationLabels {
  readonly operationType: string;
  readonly operationName: string;
}

/**
 * Records one operation the runtime did not run itself: refused before it ran (phase `context`:
 * its errors only), or run (phase `execute`: counted, timed in seconds, and its errors).
 */
export type OperationRecorder = (labels: OperationLabels, phase: 'context' | 'execute', result: ExecutionResult, seconds?: number) => void;

/**
 * Counts an operation answered outside the runtime's pipeline (the home lane) in the runtime's
 * own request metrics — `graphql_envelop_request`, `graphql_envelop_request_duration` and
 * `graphql_envelop_error_result` (phase `context` or `execute`), with the labels the runtime gives them — so
 * that `/metrics` counts every operation once, whichever path answered it. The metrics are
 * looked up in the registry on first use (the runtime registers them when it starts).
 */
export function operationRecorder(registry: Registry): OperationRecorder {
  let metrics: { requests?: Counter<string>; duration?: Histogram<string>; errors?: Counter<string> } | undefined;
  return (labels, phase, result, seconds) => {
    metrics ??= {
      requests: registry.getSingleMetric('graphql_envelop_request') as Counter<string> | undefined,
      duration: registry.getSingleMetric('graphql_envelop_request_duration') as Histogram<string> | undefined,
      errors: registry.getSingleMetric('graphql_envelop_error_result') as Counter<string> | undefined,
    };
    const { operationType, operationName } = labels;
    if (phase === 'execute') {
      metrics.requests?.inc({ operationType, operationName });
      metrics.duration?.observe({ operationType, operationName }, seconds ?? 0);
    }
    // One per error, by operation and phase as the runtime counts them: no path label (see metricsPlugin).
    const errors = result.errors?.length ?? 0;
    if (errors > 0) metrics.errors?.inc({ operationType, operationName, phase }, errors);
  };
}
