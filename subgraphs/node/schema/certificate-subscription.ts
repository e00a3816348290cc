// type-graphql reads the metadata API even when every type is given explicitly.
import 'reflect-metadata';
import { filter, pipe } from '@graphql-yoga/subscription';
import { Resolver, Root, Subscription } from 'type-graphql';
import type { CertificateRecord } from '../../ledger/index.js';
import type { NodeContext } from '../country-node.js';
import { unauthenticated } from '../errors.js';
import { CertificateType } from './certificate-types.js';
import { viewOf, type CertificateView } from './certificate-view.js';

@Resolver()
export class CertificateSubscriptionResolver {
  @Subscription(() => CertificateType, {
    description: 'Fires when this node\'s replica applies a certificate addressed to the caller\'s authority (this node\'s own)',
    subscribe: ({ context }) => {
      const { node, caller } = context as NodeContext;
      if (!caller) throw unauthenticated('certificateArrived needs a bearer token');
      return pipe(node.certificates.pubSub.subscribe('arrived'), filter((record: CertificateRecord) => record.issued?.importer === caller.country));
    },
  })
  certificateArrived(@Root() record: CertificateRecord): CertificateView | null {
    return viewOf(record);
  }
}
