import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

/** The one event of a subscription that could not start: what its `subscribe` threw. */
class StartFailure {
  constructor(readonly error: unknown) {}
}

/**
 * A subscription whose stream cannot be opened (its `subscribe` throws: UNAUTHENTICATED for an
 * anonymous `certificateArrived`) is answered as a query whose field failed, in the executable
 * schema itself (so on either server, and for a gateway that runs the node in its process): one
 * result, `data: null` and the error at the field, then the end. graphql-js answers it with
 * `errors` and no `data`, though the error was raised while executing the field (it has a path) and
 * the GraphQL spec then wants `data` present; graphql-ws sent that as a `next` without `data`
 * (Apollo), mercurius as an `error` message that bypassed its error formatter (unmasked).
 */
export function answerFailedSubscriptions(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getSubscriptionType()?.getFields() ?? {})) {
    const subscribe: GraphQLFieldResolver<unknown, unknown> | undefined = field.subscribe;
    if (!subscribe) continue;
    const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
    field.subscribe = async (source, args, context, info) => {
      try {
        const stream: unknown = await subscribe(source, args, context, info);
        return stream instanceof Error ? once(new StartFailure(stream)) : stream;
      } catch (error) {
        return once(new StartFailure(error));
      }
    };
    // The failure's event: the field raises what `subscribe` threw, so GraphQL places it at the field.
    field.resolve = (source, args, context, info) => {
      if (source instanceof StartFailure) throw source.error;
      return resolve(source, args, context, info);
    };
  }
  return schema;
}

async function* once<T>(value: T): AsyncGenerator<T> {
  yield value;
}
