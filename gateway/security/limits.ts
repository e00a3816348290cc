import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GatewayConfig } from '../config/index.js';

/**
 * Depth, alias, token and cost limits (GraphQL Armor), checked before any subgraph is asked.
 * (Field suggestions are removed from every error by the error mask, as at the nodes.)
 */
export function limitPlugins(limits: GatewayConfig['limits']) {
  return [
    maxTokensPlugin({ n: limits.maxTokens }),
    maxDepthPlugin({ n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: false }),
    maxAliasesPlugin({ n: limits.maxAliases }),
    costLimitPlugin({ maxCost: limits.maxCost, ignoreIntrospection: true }),
  ];
}
