// type-graphql reads the metadata API even when every type is given explicitly.
import 'reflect-metadata';
import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { mraView, mraViews, type MraView } from '../../ledger/index.js';
import type { CountryNode, NodeContext } from '../country-node.js';
import { AuthorityType, LedgerHeadType, MraType } from './ledger-types.js';

/** MRAs, authorities and chain heads: shared ledger data, the same in every replica. */
@Resolver()
export class LedgerResolver {
  @Directive('@shareable')
  @Query(() => MraType, { nullable: true })
  mra(@Arg('id', () => String) id: string, @Ctx() { node }: NodeContext): MraView | null {
    const mra = node.replica.state.mras[id];
    return mra ? mraView(mra) : null;
  }

  @Directive('@shareable')
  @Query(() => [MraType], { description: 'Every MRA this replica knows, proposed, active or retired' })
  mras(@Ctx() { node }: NodeContext): MraView[] {
    return [...mraViews(node.replica.state)];
  }

  @Directive('@shareable')
  @Query(() => AuthorityType, { nullable: true })
  authority(@Arg('country', () => String) country: string, @Ctx() { node }: NodeContext): AuthorityType | null {
    const authority = node.replica.state.authorities[country];
    const key = authority?.keys.at(-1);
    if (!authority || !key) return null;
    return { country, name: authority.name, publicKey: key.publicKey, keyId: key.keyId, chainHead: headOf(node, country) };
  }

  @Directive('@shareable')
  @Query(() => LedgerHeadType, { nullable: true, description: 'Head of an authority\'s chain in this replica' })
  ledgerHead(@Arg('country', () => String) country: string, @Ctx() { node }: NodeContext): LedgerHeadType | null {
    return node.replica.state.authorities[country] ? headOf(node, country) : null;
  }
}

function headOf(node: CountryNode, country: string): LedgerHeadType {
  const chain = node.replica.chain(country);
  return { country, sequence: chain.length, hash: chain.head?.hash ?? null, rootHash: chain.root(), timestamp: chain.head?.timestamp ?? null };
}
