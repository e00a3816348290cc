import { defaultFieldResolver, GraphQLError, GraphQLObjectType, type ASTNode, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { NodeContext } from '../country-node.js';
import { unauthenticated } from '../errors.js';
import type { LedgerState } from '../../ledger/index.js';
import { visibleFields, type Caller } from './policy.js';

/**
 * Visible fields per request and owner, recomputed whenever the ledger state changes (a new
 * entry makes a new state object), so a long-lived subscription sees MRA changes at once.
 */
const visibleCache = new WeakMap<NodeContext, { state: LedgerState; byOwner: Map<string, ReadonlySet<string> | 'all'> }>();

function mayViewInRequest(context: NodeContext, owner: string, field: string): boolean {
  const state = context.node.replica.state;
  let cached = visibleCache.get(context);
  if (!cached || cached.state !== state) {
    cached = { state, byOwner: new Map() };
    visibleCache.set(context, cached);
  }
  let fields = cached.byOwner.get(owner);
  if (!fields) {
    fields = visibleFields(state, context.caller, owner);
    cached.byOwner.set(owner, fields);
  }
  return fields === 'all' || fields.has(field);
}

/** Which field of which type is guarded by which Operator field's rule. */
const GUARDED: Readonly<Record<string, (field: string) => string | null>> = {
  Operator: (field) => field,
  // A status change shows the status (public); its reason is part of the operator's history.
  OperatorStatusChange: (field) => (field === 'reason' ? 'history' : null),
};

/**
 * Wraps the resolvers of guarded types in the executable schema, so the rule runs wherever a
 * field is resolved — queries, aliases, fragments, `_entities`, subscription payloads — on any
 * server. A denied field resolves to null with FORBIDDEN at its path; its value is never read.
 */
export function enforceAccess(schema: GraphQLSchema): GraphQLSchema {
  for (const [typeName, ruleFor] of Object.entries(GUARDED)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`schema has no object type ${typeName}`);
    for (const field of Object.values(type.getFields())) {
      const rule = ruleFor(field.name);
      if (rule === null) continue;
      const resolve: GraphQLFieldResolver<unknown, NodeContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const owner = (source as { country: string }).country;
        if (!mayViewInRequest(context, owner, rule)) {
          throw notShared(`${typeName}.${field.name}`, owner, context.caller, field.name);
        }
        return resolve(source, args, context, info);
      };
    }
  }
  guardServiceSdl(schema);
  return schema;
}

/**
 * FORBIDDEN for a field the MRA terms do not share with this caller: what a node throws, and
 * what a gateway answers in its place without asking the node (`at`: the field's path and the
 * client's field nodes, which give the error its locations as the node's would have).
 */
export function notShared(
  what: string, owner: string, caller: Caller | null, field: string, at?: { path: readonly (string | number)[]; nodes: readonly ASTNode[] },
): GraphQLError {
  const who = caller ? `${caller.country} ${caller.role}s` : 'anonymous callers';
  return new GraphQLError(`${what} of ${owner}'s operators is not shared with ${who}`, { extensions: { code: 'FORBIDDEN', field, owner }, ...at });
}

/** `_service { sdl }` describes the whole API: authenticated authorities only. */
function guardServiceSdl(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._service;
  if (!field) return;
  const resolve: GraphQLFieldResolver<unknown, NodeContext> = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, context, info) => {
    if (!context.caller) throw unauthenticated('_service is available to authenticated authorities only');
    return resolve(source, args, context, info);
  };
}
