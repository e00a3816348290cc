import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { ARMOR_REFUSAL, armorOptions, costRule, type CostOptions } from '../../subgraphs/node/index.js';
import type { GatewayConfig } from '../config/index.js';

/**
 * Depth, alias, token and cost limits (GraphQL Armor), checked before any subgraph is asked, with
 * the nodes' own configuration of each rule (`armorOptions`). (Field suggestions are removed from
 * every error by the error mask, as at the nodes.)
 */
export function limitPlugins(limits: GatewayConfig['limits']) {
  const options = armorOptions(limits);
  return [
    maxTokensPlugin({ n: limits.maxTokens, ...ARMOR_REFUSAL }),
    maxDepthPlugin(options.depth),
    maxAliasesPlugin(options.aliases),
    useCostLimit(options.cost),
  ];
}

/** The nodes' cost rule (page sizes from variables and defaults counted) as a runtime plugin. */
function useCostLimit(options: CostOptions): GatewayPlugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(costRule(options));
    },
  };
}
