import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { armorOptions, NODE_LIMITS } from './armor-options.js';
import { costRule } from './cost-rule.js';

/** Depth, alias and cost limits (GraphQL Armor) as validation rules, for both server stacks. */
export function limitRules(): ValidationRule[] {
  // Reported as validation errors (Armor would throw, and Apollo answers a thrown rule with 500).
  const report = { propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(new GraphQLError(error.message))] };
  const options = armorOptions(NODE_LIMITS);
  return [
    maxDepthRule({ ...options.depth, ...report }),
    maxAliasesRule({ ...options.aliases, ...report }),
    costRule({ ...options.cost, ...report }),
  ] as ValidationRule[];
}
