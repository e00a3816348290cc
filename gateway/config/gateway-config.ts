import { z } from 'zod';
import { keyPath } from '../../subgraphs/config/index.js';
import { NODE_LIMITS } from '../../subgraphs/node/index.js';

const url = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as http://127.0.0.1:4001/graphql' });
const country = z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter country code such as MX');

/**
 * Safe defaults sized from the schema, not guessed: the largest page a client can ask
 * (`operators(first: 100)`, the node's maximum, with every field of Operator, nested ones too)
 * costs 27,921 by GraphQL Armor's measure (which grows with `first`) at depth 6. The deepest
 * legitimate query is GraphiQL's introspection query (depth 15): the depth limit counts
 * introspection, so nesting `ofType` is no way round it. test/contract/default-limits.test.ts
 * checks that both still fit, and that every query the READMEs and the demo show passes. The
 * nodes check the same depth, alias and cost limits (NODE_LIMITS); the token limit is the gateway's.
 */
export const DEFAULT_LIMITS = { ...NODE_LIMITS, maxTokens: 3000 } as const;

/** Generous for people and scripts alike; a runaway client is slowed, not the MRA. */
export const DEFAULT_RATE_LIMIT = { perSecond: 50, burst: 200 } as const;

export const gatewayConfigSchema = z.strictObject({
  /** The authority whose users this gateway serves: its node answers shared (ledger) fields. */
  home: country.optional(),
  listen: z.strictObject({
    host: z.string().default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(4000),
  }).default({ host: '127.0.0.1', port: 4000 }),
  /** Country nodes of the MRA (the home node among them). */
  nodes: z.array(z.strictObject({ country, url })).default([]),
  /** Any other Federation 2 subgraph an agency adds. */
  subgraphs: z.array(z.strictObject({ name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a lower-case name'), url })).default([]),
  /** Serve this supergraph SDL as it is (standard Federation 2, no jurisdiction routing). */
  supergraph: z.string().optional(),
  /** Bearer token the gateway presents to read the nodes' `_service { sdl }`. */
  serviceTokenFile: z.string().optional(),
  limits: z.strictObject({
    maxDepth: z.number().int().positive().default(DEFAULT_LIMITS.maxDepth),
    maxAliases: z.number().int().positive().default(DEFAULT_LIMITS.maxAliases),
    maxTokens: z.number().int().positive().default(DEFAULT_LIMITS.maxTokens),
    maxCost: z.number().int().positive().default(DEFAULT_LIMITS.maxCost),
  }).default(DEFAULT_LIMITS),
  /**
   * Per-caller rate limit: a token bucket for each caller (authority and subject of the token;
   * the client address for anonymous callers). `burst` operations at once, refilled at
   * `perSecond`. Over it: HTTP 429 with Retry-After, RATE_LIMITED. `enabled: false` turns it off.
   */
  rateLimit: z.strictObject({
    enabled: z.boolean().default(true),
    perSecond: z.number().positive().default(DEFAULT_RATE_LIMIT.perSecond),
    burst: z.number().int().positive().default(DEFAULT_RATE_LIMIT.burst),
  }).default({ enabled: true, ...DEFAULT_RATE_LIMIT }),
  /** Browser origins allowed to call the gateway (none: same origin only). */
  cors: z.strictObject({ origins: z.array(z.string()).default([]) }).default({ origins: [] }),
  /** A JSON file mapping document ids (e.g. sha256 hashes) to GraphQL documents. */
  persistedDocuments: z.strictObject({
    file: z.string(),
    /** false (default): only the listed documents run (trusted documents). */
    allowArbitrary: z.boolean().default(false),
  }).optional(),
  graphiql: z.boolean().default(true),
  /** OpenTelemetry traces (off by default): a span per request, jurisdiction step and node fetch, sent over OTLP/HTTP. */
  tracing: z.strictObject({
    enabled: z.boolean().default(false),
    endpoint: url.default('http://127.0.0.1:4318/v1/traces'),
    serviceName: z.string().min(1).default('mra-hub-gateway'),
  }).default({ enabled: false, endpoint: 'http://127.0.0.1:4318/v1/traces', serviceName: 'mra-hub-gateway' }),
  logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
}).superRefine((config, ctx) => {
  if (config.supergraph === undefined && config.nodes.length === 0 && config.subgraphs.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['nodes'], message: 'give nodes (and subgraphs) to compose, or a supergraph file' });
  }
  if (config.nodes.length > 0 && !config.nodes.some((n) => n.country === config.home)) {
    ctx.addIssue({ code: 'custom', path: ['home'], message: 'home must name one of the nodes' });
  }
  const twice = reusedName(config.nodes, config.subgraphs);
  if (twice) ctx.addIssue({ code: 'custom', ...twice });
});

/**
 * The second entry whose subgraph name (a node's is its country in lower case) an earlier one
 * already has: at its own key, with the name as written and where the first one is.
 */
function reusedName(nodes: readonly { country: string }[], subgraphs: readonly { name: string }[]): { path: (string | number)[]; message: string } | undefined {
  const entries = [
    ...nodes.map((n, i) => ({ name: n.country.toLowerCase(), written: n.country, path: ['nodes', i, 'country'], what: 'country', node: true })),
    ...subgraphs.map((s, i) => ({ name: s.name, written: s.name, path: ['subgraphs', i, 'name'], what: 'subgraph name', node: false })),
  ];
  for (const [at, entry] of entries.entries()) {
    const first = entries.findIndex((e) => e.name === entry.name);
    const earlier = entries[first];
    if (first === at || !earlier) continue;
    const where = keyPath(earlier.path.slice(0, 2));
    const message = earlier.node && !entry.node ? `subgraph name ${entry.written} is taken by node ${earlier.written} (${where})` : `${entry.what} ${entry.written} is used twice (also ${where})`;
    return { path: entry.path, message };
  }
  return undefined;
}

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;
export type GatewayConfigInput = z.input<typeof gatewayConfigSchema>;
