import { isAsyncIterable } from '@graphql-tools/utils';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import type { NodeContext } from '../country-node.js';
import { untilExpiry } from './until-expiry.js';

/**
 * Ends every subscription when its caller's token stops being good, in the executable schema itself
 * (so on either server, and for a gateway that runs the node in its process): at the token's `exp`,
 * or as soon as the node's replica applies a rotation of the authority key the token was verified
 * with. The subscriber gets one error, UNAUTHENTICATED "token expired" or "token key rotated or
 * revoked", and nothing after it. A token is checked when the subscription starts; without this,
 * the stream went on under the caller's old rights (after exp, or with a key its authority retired).
 */
export function endSubscriptionsAtExpiry(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getSubscriptionType()?.getFields() ?? {})) {
    const subscribe: GraphQLFieldResolver<unknown, NodeContext> | undefined = field.subscribe;
    if (!subscribe) continue;
    field.subscribe = async (source, args, context: NodeContext, info) => {
      const stream: unknown = await subscribe(source, args, context, info);
      const caller = context.caller;
      if (!caller || !isAsyncIterable(stream)) return stream;
      const key = caller.keyId === undefined ? undefined : context.node.keys.standing(caller.country, caller.keyId);
      return caller.expiresAt || key ? untilExpiry(stream, caller.expiresAt, context.node.now, key) : stream;
    };
  }
  return schema;
}
