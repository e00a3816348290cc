import { createGatewayRuntime, type GatewayConfig as HiveConfig, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphQLParams } from 'graphql-yoga';
import type { GatewayConfig } from '../config/index.js';
import type { GatewayErrorCode } from '../errors.js';
import { directExecution, jurisdictionExecutor, localNodeClient, nodeClient, useJurisdiction, type NodeClient } from '../jurisdiction/index.js';
import { Registry } from 'prom-client';
import {
  hiveLogger, metricsPlugin, operationRecorder, timedNodeClients, useReadiness, useSubgraphTracing, watchedNodeClients, type Logger,
} from '../observability/index.js';
import {
  authenticator, homeKeyRegistry, limitPlugins, loadPersistedDocuments, rateLimiter, refuseAnonymousIntrospection, useCaller, useCsrfPrevention, useRateLimit, type Authenticate,
} from '../security/index.js';
import { buildNodeSchema, type CountryNode } from '../../subgraphs/node/index.js';
import { endingSubscriptions } from './end-subscriptions.js';
import { homeLane, type HomeLane } from './home-lane.js';
import { maskGatewayError } from './mask-error.js';
import { useMediaTypeNegotiation } from './media-type-plugin.js';
import { useRequestErrors } from './request-errors-plugin.js';
import { useStatusByData } from './status-by-data.js';

/** Anything the runtime takes as a plugin (Yoga, envelop, Mesh or gateway plugins). */
type RuntimePlugin = ReturnType<NonNullable<HiveConfig<Record<string, unknown>>['plugins']>>[number];

/** What GraphiQL starts with. (An opening query goes in its URL: `/graphql?query=...`.) */
export interface GraphiQLPreset {
  readonly headers?: Record<string, string>;
}

export interface RuntimeOptions {
  readonly config: GatewayConfig;
  readonly supergraph: string;
  readonly log: Logger;
  readonly now: () => Date;
  /** What GraphiQL starts with (the demo presets a token). */
  readonly graphiql?: GraphiQLPreset;
  /** Nodes of `config.nodes` that run in this process (the home node beside its gateway, the demo's others): each asked in-process instead of over HTTP. */
  readonly localNodes?: readonly CountryNode[];
}

/**
 * Hive Gateway's runtime (MIT) on the composed supergraph, with the MRA's own parts added as
 * plugins: caller authentication against the ledger's keys, jurisdiction routing for the
 * country nodes, limits, readiness and metrics.
 */
/** What createRuntime builds: the runtime, its node clients, and how it checks a caller's token. */
export interface GatewayParts {
  readonly runtime: GatewayRuntime;
  readonly clients: ReadonlyMap<string, NodeClient>;
  /** The caller of an Authorization value, checked as every operation's is (throws UNAUTHENTICATED); null without a home node. */
  readonly authenticate: Authenticate;
  /** Where operations of the nodes' only, once accepted by the runtime, are answered again (with a home node). */
  readonly lane?: HomeLane;
  /** Ends the subscriptions the runtime serves (SSE), so closing the HTTP server does not wait on them. */
  readonly endSubscriptions: () => void;
}

export async function createRuntime(options: RuntimeOptions): Promise<GatewayParts> {
  const { config, log } = options;
  const registry = new Registry();
  const clients = watchedNodeClients(timedNodeClients(new Map(await Promise.all(config.nodes.map(async (n) => {
    const local = options.localNodes?.find((node) => node.country === n.country);
    return [n.country, local ? await localNodeClient(local) : nodeClient(n.country, n.url)] as const;
  }))), registry), log);
  const home = config.home ? clients.get(config.home) : undefined;
  const logging = hiveLogger(log, config.logLevel);
  const plugins: RuntimePlugin[] = [useCsrfPrevention(), useMediaTypeNegotiation(), ...limitPlugins(config.limits), useRequestErrors({ persistedDocuments: config.persistedDocuments !== undefined }), useStatusByData(), metricsPlugin(logging, registry), useReadiness(home)];
  if (config.tracing.enabled) plugins.push(useSubgraphTracing());
  const subscriptions = endingSubscriptions();
  plugins.push(subscriptions.plugin);
  let authenticate: GatewayParts['authenticate'] = async () => null;
  let lane: HomeLane | undefined;
  if (home && config.home) {
    const schema = await buildNodeSchema();
    const execute = jurisdictionExecutor({ home: config.home, clients, schema });
    authenticate = authenticator(homeKeyRegistry(home, options.now), options.now, (error) => log.warn('token refused', { reason: error.message, code: error.extensions.code }));
    const limit = config.rateLimit.enabled ? rateLimiter({ perSecond: config.rateLimit.perSecond, burst: config.rateLimit.burst, now: options.now }) : undefined;
    lane = homeLane({ authenticate, admit: [refuseAnonymousIntrospection, ...(limit ? [limit] : [])], execute: directExecution(execute), record: operationRecorder(registry), log });
    plugins.push(useCaller(authenticate, options.now));
    if (limit) plugins.push(useRateLimit(limit));
    plugins.push(useJurisdiction({ nodeSubgraphs: new Set(config.nodes.map((n) => n.country.toLowerCase())), execute, nodeSchema: schema, onNodeOnly: (args) => lane?.accept(args) }));
  }
  const documents = config.persistedDocuments ? loadPersistedDocuments(config.persistedDocuments.file) : undefined;
  const runtime = createGatewayRuntime({
    supergraph: options.supergraph,
    logging,
    // The Rust query planner (Hive Router's), in place of the JavaScript one.
    unifiedGraphHandler,
    plugins: () => plugins,
    landingPage: false,
    graphiql: config.graphiql ? {
      title: 'mra-hub gateway',
      ...(options.graphiql?.headers ? { headers: JSON.stringify(options.graphiql.headers) } : {}),
    } : false,
    renderGraphiQL,
    maskedErrors: { maskError: maskGatewayError },
    cors: config.cors.origins.length > 0 ? { origin: config.cors.origins, credentials: true, methods: ['GET', 'POST'] } : false,
    healthCheckEndpoint: '/healthz',
    // Forward the caller's token to subgraphs other than the nodes (the nodes get it from the executor).
    propagateHeaders: { fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? '' }) },
    transportEntries: { '*.http': { options: { subscriptions: { kind: 'ws' } } } },
    ...(documents ? {
      persistedDocuments: {
        getPersistedOperation: (id: string) => documents.get(id) ?? null,
        allowArbitraryOperations: config.persistedDocuments?.allowArbitrary ?? false,
        extractPersistedOperationId: (params: GraphQLParams, request: Request) => documentIdOf(params, request),
        customErrors: TRUSTED_DOCUMENT_ERRORS,
      },
    } : {}),
  });
  return { runtime, clients, authenticate, endSubscriptions: subscriptions.end, ...(lane ? { lane } : {}) };
}

/** `documentId` (GraphQL over HTTP draft; in a GET's URL too) or Apollo's `extensions.persistedQuery.sha256Hash`. */
function documentIdOf(params: GraphQLParams, request: Request): string | null {
  const documentId = (params as { documentId?: unknown }).documentId ?? (request.method === 'GET' ? new URL(request.url).searchParams.get('documentId') : null);
  if (typeof documentId === 'string') return documentId;
  const persisted = params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : null;
}

/** What a client is told when trusted documents refuse it: coded, saying what to send, HTTP 400. */
const TRUSTED_DOCUMENT_ERRORS = {
  persistedQueryOnly: { message: 'only trusted documents run on this gateway: send a documentId', extensions: { code: 'PERSISTED_QUERY_ONLY' satisfies GatewayErrorCode, http: { status: 400 } } },
  keyNotFound: { message: 'a documentId (or extensions.persistedQuery.sha256Hash) is required', extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED' satisfies GatewayErrorCode, http: { status: 400 } } },
  notFound: { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' satisfies GatewayErrorCode, http: { status: 400 } } },
};
