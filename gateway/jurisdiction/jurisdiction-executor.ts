import { mapAsyncIterator } from '@graphql-tools/utils';
import { getVariableValues, parse, type DocumentNode, type ExecutionResult, type GraphQLError, type GraphQLSchema } from 'graphql';
import { visibleFieldsUnder, type Caller, type MraTermsView } from '../../subgraphs/node/index.js';
import { inSpan } from '../../subgraphs/telemetry/index.js';
import { withClientLocations } from './client-locations.js';
import { fetchOperatorFields } from './fetch-operator-fields.js';
import { homeUnavailable } from './home-unavailable.js';
import { unanswered, unavailable, type NodeClient, type NodeRequest } from './node-client.js';
import { DEFAULT_KEYS, type InternalKeys } from './internal-keys.js';
import { publicOperatorDocument } from './operator-selections.js';
import { documentParts, findOperatorSites, putInRequestedOrder, type DocumentParts } from './operator-sites.js';
import { planOperatorFields } from './plan-operator-fields.js';

export interface JurisdictionOptions {
  /** The authority whose replica answers shared fields. */
  readonly home: string;
  readonly clients: ReadonlyMap<string, NodeClient>;
  /** The country-node subgraph schema (with `_entities`), to read documents against. */
  readonly schema: GraphQLSchema;
}

/** One operation for the MRA's nodes, with the caller the gateway authenticated. */
export interface JurisdictionRequest extends NodeRequest {
  readonly caller: Caller | null;
  readonly authorization: string | undefined;
}

/** The MRA terms, when the home node did not answer the query for them (a subscription's event, a node over HTTP). */
const TERMS_UNAVAILABLE = Symbol('MRA terms unavailable');

const TERMS_QUERY = parse(`query MraHubTerms { ${DEFAULT_KEYS.terms}: mras { status parties terms { partner role fields } } }`);

/**
 * Runs an operation across the MRA by jurisdiction: mutations go to the home node (an authority
 * only writes its own records); queries and subscriptions first read public fields, ids and MRA
 * terms from the home replica, then fetch each operator's permitted fields — shared ones from
 * the home replica, private ones from the owner's node — and deny the rest before fetching.
 */
export function jurisdictionExecutor(options: JurisdictionOptions) {
  const home = options.clients.get(options.home);
  if (!home) throw new Error(`no client for the home node ${options.home}`);
  const clientOf = (country: string) => options.clients.get(country);
  // A home node in this process gives its MRAs directly; one over HTTP is asked for them with the public fields.
  const localTerms = home.mras;

  async function complete(result: ExecutionResult, request: JurisdictionRequest, parts: DocumentParts, keys: InternalKeys, terms: unknown): Promise<ExecutionResult> {
    const data = result.data as Record<string, unknown> | null | undefined;
    if (!data) return result;
    Reflect.deleteProperty(data, keys.terms);
    const variables = request.variables ?? {};
    const sites = findOperatorSites(options.schema, parts, coercedVariables(options.schema, parts, variables), data, keys);
    const mras = Array.isArray(terms) ? (terms as MraTermsView[]) : [];
    const plan = planOperatorFields(sites, (owner) => visibleFieldsUnder(mras, request.caller, owner), options.home, request.caller);
    // Terms the home node did not give deny nothing: what they would have decided is unavailable, as the node is.
    const errors: GraphQLError[] = terms === TERMS_UNAVAILABLE ? plan.denied.map((e) => unavailable(options.home, e.path, e.nodes)) : [...plan.denied];
    await Promise.all([...plan.byTarget].map(([target, fetches]) => inSpan(`jurisdiction: permitted fields from ${target}`, { 'mra.node': target, 'mra.operators': fetches.length }, async () => {
      const client = clientOf(target) ?? unknownNode(target);
      errors.push(...await fetchOperatorFields(client, fetches, parts, variables, request.authorization));
    })));
    for (const site of sites) {
      Reflect.deleteProperty(site.object, keys.id);
      Reflect.deleteProperty(site.object, keys.owner);
      putInRequestedOrder(site);
    }
    const all = [...(result.errors ?? []), ...errors];
    return { ...result, data, ...(all.length > 0 ? { errors: all } : {}) };
  }

  // Each distinct document (the runtime hands the same object for the same operation) is cut
  // once per operation in it; the plans go with the document. A name the document does not
  // define throws in documentParts before anything is kept.
  const plans = new WeakMap<DocumentNode, Map<string, Plan>>();
  const planOf = (document: DocumentNode, operationName: string | undefined): Plan => {
    let plan = plans.get(document)?.get(operationName ?? '');
    if (!plan) {
      const parts = documentParts(document, operationName);
      plan = { parts, ...(parts.operation.operation === 'mutation' ? { document, touched: false, keys: DEFAULT_KEYS } : publicOperatorDocument(options.schema, document, !localTerms)) };
      const byName = plans.get(document) ?? new Map<string, Plan>();
      byName.set(operationName ?? '', plan);
      plans.set(document, byName);
    }
    return plan;
  };

  // The home node not answering leaves the fields it would have given null, at their paths: the rest of the answer still comes.
  const homeDown = homeUnavailable(options.schema, options.home);

  return function execute(request: JurisdictionRequest): Promise<ExecutionResult> | AsyncIterable<ExecutionResult> {
    const { parts, document, touched, keys } = planOf(request.document, request.operationName);
    const kind = parts.operation.operation;
    const located = (result: ExecutionResult) => withClientLocations(result, parts);
    // A query's or mutation's answer; a subscription's feed that the node drops ends with NODE_UNAVAILABLE instead (nodeEvents).
    const answered = (result: ExecutionResult) => (unanswered(result) ? homeDown(request) : located(result));
    if (kind === 'mutation') return home.query(request, request.authorization).then(answered);
    const first: NodeRequest = { ...request, document };
    if (kind === 'subscription') {
      const events = home.subscribe(first, request.authorization)[Symbol.asyncIterator]();
      if (!touched) return mapAsyncIterator(events, located);
      return mapAsyncIterator(events, async (event: ExecutionResult) => {
        if (localTerms) return complete(located(event), request, parts, keys, localTerms());
        const terms = await home.query({ document: TERMS_QUERY }, request.authorization);
        return complete(located(event), request, parts, keys, unanswered(terms) ? TERMS_UNAVAILABLE : (terms.data as Record<string, unknown> | null | undefined)?.[DEFAULT_KEYS.terms]);
      });
    }
    if (!touched) return home.query(request, request.authorization).then(answered);
    return inSpan('jurisdiction: public fields and MRA terms from the home replica', { 'mra.node': options.home }, () => home.query(first, request.authorization))
      .then((result) => (unanswered(result) ? homeDown(request) : inSpan('jurisdiction: decide and fetch', {}, () =>
        complete(located(result), request, parts, keys, localTerms ? localTerms() : (result.data as Record<string, unknown> | null | undefined)?.[keys.terms]))));
  };
}

export type JurisdictionExecutor = ReturnType<typeof jurisdictionExecutor>;

/** What the executor works out once per document: its parts, and the public-fields first fetch. */
interface Plan {
  readonly parts: DocumentParts;
  readonly document: DocumentNode;
  readonly touched: boolean;
  readonly keys: InternalKeys;
}

/**
 * The operation's variables as execution sees them (defaults applied, values coerced), which
 * `@include`/`@skip` on the client's selections are read with. The request's own values go on to
 * the nodes, which apply the same definitions themselves.
 */
function coercedVariables(schema: GraphQLSchema, parts: DocumentParts, variables: Record<string, unknown>): Record<string, unknown> {
  const definitions = parts.operation.variableDefinitions ?? [];
  if (definitions.length === 0) return variables;
  const { coerced, errors } = getVariableValues(schema, definitions, variables);
  if (errors) throw errors[0];
  return coerced;
}

/** A country the gateway has no node for: its private fields are unavailable, not an exception. */
function unknownNode(country: string): NodeClient {
  const unavailable = { errors: [] } as ExecutionResult;
  return {
    country, url: '',
    query: async () => unavailable,
    subscribe: async function* () { /* nothing to subscribe to */ },
  };
}
