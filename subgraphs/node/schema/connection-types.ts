// type-graphql reads the metadata API even when every type is given explicitly.
import 'reflect-metadata';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { OperatorType } from './operator-types.js';

@Directive('@shareable')
@ObjectType('PageInfo')
export class PageInfoType {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@Directive('@shareable')
@ObjectType('OperatorEdge')
export class OperatorEdgeType {
  @Field(() => String, { description: 'Stable: the aeoId, encoded' }) cursor!: string;
  @Field(() => OperatorType) node!: OperatorType;
}

@Directive('@shareable')
@ObjectType('OperatorConnection', { description: 'Relay connection over operators, ordered by aeoId' })
export class OperatorConnectionType {
  @Field(() => [OperatorEdgeType]) edges!: OperatorEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int) totalCount!: number;
}
