import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTracing } from '../../subgraphs/telemetry/index.js';
import { eventually } from '../support/eventually.js';
import { gql } from '../support/graphql-client.js';
import { otlpReceiver } from '../support/otlp-receiver.js';
import { startMraGateways, type MraGateways } from './mra-gateway.js';

const SERVER = 2;
const CLIENT = 3;

describe('gateway: OpenTelemetry traces from the gateway to the nodes', () => {
  let mra: MraGateways;
  let collector: Awaited<ReturnType<typeof otlpReceiver>>;
  beforeAll(async () => {
    collector = await otlpReceiver();
    mra = await startMraGateways();
  });
  afterAll(async () => {
    await mra?.close();
    await collector?.close();
  });

  it('are off by default: a gateway without `tracing.enabled` exports nothing', async () => {
    await gql(mra.gateways.MX.url, '{ operators { totalCount } }', {}, await mra.cluster.token('MX', 'officer'));
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(collector.spans).toEqual([]);
  });

  it('once switched on, a gateway request and the spans of both nodes it asked share one trace id', async () => {
    const gateway = await mra.startGateway('MX', { tracing: { enabled: true, endpoint: collector.url, serviceName: 'mx-gateway' } });
    const response = await gql(gateway.url, '{ operator(aeoId: "CR-AEO-000042") { legalName riskScore } }', {}, await mra.cluster.token('MX', 'analyst'));
    expect(response.data?.operator).toEqual({ legalName: 'Exportadora 42 S.A.', riskScore: 12 });
    const tracing = setupTracing({ serviceName: 'unused: already set up by the gateway', endpoint: collector.url });
    const request = () => collector.spans.find((s) => s.name === 'mra-hub gateway' && s.kind === SERVER);
    const spansOf = (traceId: string | undefined) => collector.spans.filter((s) => s.traceId === traceId);
    await tracing.flush();
    await eventually(() => spansOf(request()?.traceId).some((s) => s.name === 'mra-hub node CR'), 10_000,
      () => `the gateway's trace with CR's node span (${collector.spans.map((s) => s.name).join(', ')})`);
    const trace = spansOf(request()?.traceId);
    const names = trace.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([
      'jurisdiction: public fields and MRA terms from the home replica',
      'jurisdiction: decide and fetch',
      'jurisdiction: permitted fields from MX',
      'jurisdiction: permitted fields from CR',
      'mra-hub node MX',
      'mra-hub node CR',
    ]));
    // CR's node continued the trace from the gateway's fetch (W3C traceparent), not a new one.
    const crServer = trace.find((s) => s.name === 'mra-hub node CR' && s.kind === SERVER);
    const crFetch = trace.find((s) => s.spanId === crServer?.parentSpanId);
    expect(crFetch).toMatchObject({ name: 'fetch from CR\'s node', kind: CLIENT, service: 'mx-gateway' });
  });

  it('regression: closing a gateway sends the spans of a request answered just before (the batch waits 500 ms, and a process exits on close)', async () => {
    const gateway = await mra.startGateway('MX', { tracing: { enabled: true, endpoint: collector.url, serviceName: 'mx-gateway' } });
    await setupTracing({ serviceName: 'unused: already set up', endpoint: collector.url }).flush();
    collector.spans.splice(0);
    await gql(gateway.url, '{ operators { totalCount } }', {}, await mra.cluster.token('MX', 'officer'));
    await gateway.close();
    expect(collector.spans.filter((s) => s.name === 'mra-hub gateway' && s.kind === SERVER)).toHaveLength(1);
  });
});
