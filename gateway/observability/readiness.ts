import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { parse } from 'graphql';
import type { NodeClient } from '../jurisdiction/index.js';

const PING = parse('query MraHubReady { __typename }');

/**
 * `/readyz`: 200 when the home node answers (the gateway can serve shared data), else 503 with
 * the reason. `/healthz` (liveness) is the runtime's own and only says the process is up.
 */
export function useReadiness(home: NodeClient | undefined): GatewayPlugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== '/readyz' || request.method !== 'GET') return;
      const json = (status: number, body: Record<string, unknown>) =>
        endResponse(new fetchAPI.Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
      if (!home) {
        json(200, { status: 'ready' });
        return;
      }
      return home.query({ document: PING }, undefined).then((result) => {
        if (result.data) json(200, { status: 'ready', home: home.country });
        else json(503, { status: 'unavailable', home: home.country, reason: result.errors?.[0]?.message ?? 'no answer' });
      });
    },
  };
}
