import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * A node's limits: the gateway's defaults (gateway/config/gateway-config.ts), since a node answers
 * partners' callers directly too and one contract means one refusal for one query everywhere.
 */
export const NODE_LIMITS = { maxDepth: 15, maxAliases: 30, maxCost: 30_000 } as const;

/** Depth, alias and cost limits (GraphQL Armor) as validation rules, for both server stacks. */
export function limitRules(): ValidationRule[] {
  // Reported as validation errors (Armor would throw, and Apollo answers a thrown rule with 500).
  const report = { propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(new GraphQLError(error.message))] };
  return [
    maxDepthRule({ n: NODE_LIMITS.maxDepth, flattenFragments: true, ignoreIntrospection: false, ...report }),
    maxAliasesRule({ n: NODE_LIMITS.maxAliases, ...report }),
    costLimitRule({ maxCost: NODE_LIMITS.maxCost, ignoreIntrospection: true, ...report }),
  ] as ValidationRule[];
}
