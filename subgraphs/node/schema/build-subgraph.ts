import { buildSubgraphSchema } from '@apollo/subgraph';
import { createPubSub } from '@graphql-yoga/subscription';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { gql } from 'graphql-tag';
import { buildSchema, createResolversMap } from 'type-graphql';
import { endSubscriptionsAtExpiry, enforceAccess } from '../access/index.js';
import type { NodeContext } from '../country-node.js';
import { CertificateMutationResolver } from './certificate-mutations.js';
import { certificateReference, CertificateResolver } from './certificate-resolver.js';
import { CertificateSubscriptionResolver } from './certificate-subscription.js';
import { answerFailedSubscriptions } from './failed-subscriptions.js';
import { LedgerResolver } from './ledger-resolver.js';
import { MutationResolver } from './mutation-resolver.js';
import { OperatorResolver } from './operator-resolver.js';
import { SubscriptionResolver } from './subscription-resolver.js';
import { SyncResolver } from './sync-resolver.js';

let built: Promise<GraphQLSchema> | undefined;

/**
 * The node's Federation 2 subgraph schema: type-graphql classes printed with their directives
 * (@key), rebuilt by @apollo/subgraph (adds _service, _entities), then access rules applied,
 * subscriptions bound to their caller's token, and a subscription that cannot start answered as one failed result.
 * One schema serves any number of nodes: the node comes in through the context.
 */
export function buildNodeSchema(): Promise<GraphQLSchema> {
  built ??= build();
  return built;
}

async function build(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [OperatorResolver, LedgerResolver, MutationResolver, SubscriptionResolver, SyncResolver, CertificateResolver, CertificateMutationResolver, CertificateSubscriptionResolver],
    skipCheck: true,
    validate: false,
    // Required by type-graphql for any @Subscription; ours brings its own `subscribe` (per node).
    pubSub: createPubSub(),
  });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<NodeContext>;
  const reference = {
    Operator: {
      ...(resolvers.Operator as object),
      __resolveReference: (ref: { aeoId: string }, { node }: NodeContext) => node.operator(ref.aeoId) ?? null,
    },
    Certificate: { ...(resolvers.Certificate as object), __resolveReference: certificateReference },
  };
  const subgraph = buildSubgraphSchema({
    typeDefs: gql`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
      ${printSchemaWithDirectives(schema)}
    `,
    resolvers: { ...resolvers, ...reference } as GraphQLResolverMap<unknown>,
  });
  return answerFailedSubscriptions(endSubscriptionsAtExpiry(enforceAccess(subgraph)));
}
