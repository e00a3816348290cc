// type-graphql reads the metadata API even when every type is given explicitly.
import 'reflect-metadata';
import { filter, pipe } from '@graphql-yoga/subscription';
import { Arg, Directive, Field, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { NodeContext, StatusChange } from '../country-node.js';
import { OperatorStatus } from './enums.js';
import { OperatorType } from './operator-types.js';

@Directive('@shareable')
@ObjectType('OperatorStatusChange', { description: 'A status entry applied by this replica' })
export class OperatorStatusChangeType {
  @Field(() => String) aeoId!: string;
  @Field(() => String) country!: string;
  @Field(() => OperatorStatus) status!: string;
  @Field(() => String, { description: 'The entry type, e.g. AEO_SUSPENDED' }) type!: string;
  @Field(() => String) at!: string;
  @Field(() => String, { nullable: true, description: 'Visible to those who may see the operator\'s history' }) reason!: string | null;
  @Field(() => String) entryHash!: string;
  @Field(() => OperatorType, { description: 'The operator after the change; its fields follow the MRA terms' }) operator!: OperatorType;
}

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => OperatorStatusChangeType, {
    description: 'Fires when this node\'s replica applies a status entry (optionally for one country)',
    subscribe: ({ args, context }) => {
      const { node } = context as NodeContext;
      const country = (args as { country?: string | null }).country;
      return pipe(node.pubSub.subscribe('statusChanged'), filter((change: StatusChange) => !country || change.country === country));
    },
  })
  operatorStatusChanged(
    @Root() change: StatusChange,
    @Arg('country', () => String, { nullable: true }) _country?: string,
  ): StatusChange {
    return change;
  }
}
