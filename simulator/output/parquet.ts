import { parquetWriteBuffer } from 'hyparquet-writer';
import { METRIC_UNITS, METRICS } from '../metric-names.js';
import type { SimulationResult } from './result.js';

/**
 * metrics.csv's rows as Parquet (hyparquet-writer, pure JavaScript), for pandas, polars, DuckDB
 * or R arrow; the provenance goes in the file's key-value metadata.
 */
export function metricsParquet(r: SimulationResult): Uint8Array {
  const params = Object.keys(r.points[0]?.params ?? {});
  const cols = { point: [] as number[], seed: [] as number[], mechanism: [] as string[], metric: [] as string[], value: [] as (number | null)[], unit: [] as string[] };
  const paramCols = params.map(() => [] as number[]);
  for (const p of r.points) {
    for (const run of p.runs) {
      for (const m of r.scenario.mechanisms) {
        for (const metric of METRICS) {
          cols.point.push(p.id);
          cols.seed.push(run.seed);
          cols.mechanism.push(m);
          cols.metric.push(metric);
          cols.value.push(run.metrics[m]?.[metric] ?? null);
          cols.unit.push(METRIC_UNITS[metric]);
          params.forEach((k, i) => paramCols[i]?.push(p.params[k] as number));
        }
      }
    }
  }
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'scenario', data: cols.point.map(() => r.provenance.scenario), type: 'STRING' },
      { name: 'point', data: cols.point, type: 'INT32' },
      ...params.map((k, i) => ({ name: `param:${k}`, data: paramCols[i] as number[], type: 'DOUBLE' as const })),
      { name: 'seed', data: cols.seed, type: 'INT32' },
      { name: 'mechanism', data: cols.mechanism, type: 'STRING' },
      { name: 'metric', data: cols.metric, type: 'STRING' },
      { name: 'value', data: cols.value, type: 'DOUBLE' },
      { name: 'unit', data: cols.unit, type: 'STRING' },
    ],
    kvMetadata: [{ key: 'mra-hub.provenance', value: JSON.stringify(r.provenance) }],
  });
  return new Uint8Array(buffer);
}
