import { isAsyncIterable } from '@graphql-tools/utils';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import type { NodeContext } from '../country-node.js';
import { untilExpiry } from './until-expiry.js';

/**
 * Ends every subscription when its caller's token expires, in the executable schema itself (so on
 * either server, and for a gateway that runs the node in its process): the subscriber gets one
 * error, UNAUTHENTICATED "token expired", and nothing after it. A token is checked when the
 * subscription starts; without this, the stream went on for ever under the caller's old rights.
 */
export function endSubscriptionsAtExpiry(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getSubscriptionType()?.getFields() ?? {})) {
    const subscribe: GraphQLFieldResolver<unknown, NodeContext> | undefined = field.subscribe;
    if (!subscribe) continue;
    field.subscribe = async (source, args, context: NodeContext, info) => {
      const stream: unknown = await subscribe(source, args, context, info);
      const expiresAt = context.caller?.expiresAt;
      return expiresAt && isAsyncIterable(stream) ? untilExpiry(stream, expiresAt, context.node.now) : stream;
    };
  }
  return schema;
}
