import type { MaxAliasesOptions } from '@escape.tech/graphql-armor-max-aliases';
import type { MaxDepthOptions } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError } from 'graphql';
import { withoutSuggestions, type NodeErrorCode } from '../errors.js';
import { MAX_PAGE } from '../schema/index.js';
import type { CostOptions } from './cost-rule.js';

/** The limits a node and a gateway both check (the gateway adds a token limit, at parsing). */
export interface ArmorLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxCost: number;
}

/**
 * A node's limits: the gateway's defaults (gateway/config/gateway-config.ts takes them from here),
 * since a node answers partners' callers directly too and one contract means one refusal for one
 * query everywhere.
 */
export const NODE_LIMITS = { maxDepth: 15, maxAliases: 30, maxCost: 30_000 } as const satisfies ArmorLimits;

/**
 * The one configuration of GraphQL Armor's rules, for the nodes' validation rules and the
 * gateway's plugins alike, so the two cannot drift apart.
 *
 * Fragments are flattened for depth and cost alike: a spread stands for its fields where it is.
 * Armor's default counts each fragment as one level deeper and multiplies its cost by the depth
 * factor twice (once for the spread, once for the fragment's own selection), so fragments nested
 * in fragments cost 2.25× a level: 20 levels of one field each came to 82,929,986, and 12 were
 * refused. The alias count needs no option: it counts each alias once per spread, as executed.
 * A page size from a variable is counted as the largest page the node serves (`costRule`).
 */
export function armorOptions(limits: ArmorLimits): { depth: MaxDepthOptions; aliases: MaxAliasesOptions; cost: CostOptions } {
  return {
    depth: { n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: false, ...REFUSAL },
    aliases: { n: limits.maxAliases, ...REFUSAL },
    cost: { maxCost: limits.maxCost, flattenFragments: true, ignoreIntrospection: true, largestPage: MAX_PAGE, ...REFUSAL },
  };
}

/**
 * How every Armor rule refuses (the gateway's token limit too): with the error the client gets,
 * thrown where the limit is found. Armor's own is `Syntax Error: …` with no code, which each server
 * had to rewrite, and the gateway's runtime logs any error its mask rewrites as a fault.
 */
export const REFUSAL: { propagateOnRejection: boolean; onReject: ((context: unknown, error: GraphQLError) => never)[] } = {
  propagateOnRejection: false,
  onReject: [(_context, error) => {
    throw new GraphQLError(withoutSuggestions(error.message), { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' satisfies NodeErrorCode, http: { status: 400, spec: true } } });
  }],
};
