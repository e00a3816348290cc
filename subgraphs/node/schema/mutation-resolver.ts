// type-graphql reads the metadata API even when every type is given explicitly.
import 'reflect-metadata';
import { Arg, Ctx, Directive, Int, Mutation, Resolver } from 'type-graphql';
import { mraView, type Command, type MraView, type OperatorRecord, type PayloadOf } from '../../ledger/index.js';
import type { NodeContext } from '../country-node.js';
import { nodeError, toGraphQLError, unauthenticated } from '../errors.js';
import { privateDigest, type PrivateRecord } from '../private-store.js';
import type { PrivateDataInput} from './inputs.js';
import { GrantAeoInput, ProposeMraInput, UpdateAeoInput } from './inputs.js';
import { MraType } from './ledger-types.js';
import { OperatorType } from './operator-types.js';

/** Only this node's own authority, as an admin, writes — and only to its own chain. */
function requireAdmin({ node, caller }: NodeContext): void {
  if (!caller) throw unauthenticated('mutations need a bearer token');
  if (caller.country !== node.country || caller.role !== 'admin') {
    throw nodeError('FORBIDDEN', `only ${node.country} admins may write to ${node.country}'s chain`);
  }
}

function submit(ctx: NodeContext, command: Command, digest: string | null = null) {
  try {
    return ctx.node.replica.submit(command, digest);
  } catch (error) {
    throw toGraphQLError(error);
  }
}

function salted(ctx: NodeContext, input: PrivateDataInput): PrivateRecord {
  if (!Number.isInteger(input.riskScore) || input.riskScore < 0 || input.riskScore > 100) {
    throw nodeError('BAD_USER_INPUT', 'private.riskScore must be between 0 and 100');
  }
  return { ...input, contact: { ...input.contact }, salt: ctx.node.randomBytes(16).toString('base64url') };
}

function operatorAfter(ctx: NodeContext, aeoId: string): OperatorRecord {
  const operator = ctx.node.operator(aeoId);
  if (!operator) throw nodeError('INTERNAL_SERVER_ERROR', 'internal error');
  return operator;
}

/** Appends a private record's digest with `command`; the record is stored only if the entry is. */
function submitWithPrivate(ctx: NodeContext, aeoId: string, command: Command, record: PrivateRecord | null): OperatorRecord {
  submit(ctx, command, record ? privateDigest(record) : null);
  if (record) ctx.node.privateStore.put(aeoId, record);
  return operatorAfter(ctx, aeoId);
}

@Resolver()
export class MutationResolver {
  @Directive('@shareable')
  @Mutation(() => OperatorType, { description: 'Grant AEO status (admin of this authority only)' })
  grantAeo(@Arg('input', () => GrantAeoInput) input: GrantAeoInput, @Ctx() ctx: NodeContext): OperatorRecord {
    requireAdmin(ctx);
    const { private: privateData, aeoId: requested, ...fields } = input;
    const aeoId = requested ?? nextAeoId(ctx);
    const aeo = { aeoId, ...fields, address: { ...fields.address } } as PayloadOf<'AEO_GRANTED'>;
    return submitWithPrivate(ctx, aeoId, { kind: 'grantAeo', aeo }, salted(ctx, privateData));
  }

  @Directive('@shareable')
  @Mutation(() => OperatorType, { description: 'Change shared fields and/or private data of an AEO' })
  updateAeo(@Arg('input', () => UpdateAeoInput) input: UpdateAeoInput, @Ctx() ctx: NodeContext): OperatorRecord {
    requireAdmin(ctx);
    const { aeoId, private: privateData, ...rest } = input;
    const changes = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== null)) as PayloadOf<'AEO_UPDATED'>['changes'];
    return submitWithPrivate(ctx, aeoId, { kind: 'updateAeo', aeoId, changes }, privateData ? salted(ctx, privateData) : null);
  }

  @Directive('@shareable')
  @Mutation(() => OperatorType)
  suspendAeo(@Arg('aeoId', () => String) aeoId: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: NodeContext): OperatorRecord {
    return changeStatus(ctx, 'suspendAeo', aeoId, reason);
  }

  @Directive('@shareable')
  @Mutation(() => OperatorType)
  reinstateAeo(@Arg('aeoId', () => String) aeoId: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: NodeContext): OperatorRecord {
    return changeStatus(ctx, 'reinstateAeo', aeoId, reason);
  }

  @Directive('@shareable')
  @Mutation(() => OperatorType)
  revokeAeo(@Arg('aeoId', () => String) aeoId: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: NodeContext): OperatorRecord {
    return changeStatus(ctx, 'revokeAeo', aeoId, reason);
  }

  @Directive('@shareable')
  @Mutation(() => MraType, { description: 'Propose an MRA (or an amendment: same id); it applies once every party approves' })
  proposeMra(@Arg('input', () => ProposeMraInput) input: ProposeMraInput, @Ctx() ctx: NodeContext): MraView {
    requireAdmin(ctx);
    const terms = input.terms.map((t) => ({ ...t, fields: [...t.fields] })) as PayloadOf<'MRA_PROPOSED'>['terms'];
    submit(ctx, { kind: 'proposeMra', mraId: input.mraId, name: input.name, parties: input.parties, terms, newMembers: (input.newMembers ?? []).map((m) => ({ ...m })) });
    return mraAfter(ctx, input.mraId);
  }

  @Directive('@shareable')
  @Mutation(() => MraType)
  approveMra(@Arg('mraId', () => String) mraId: string, @Ctx() ctx: NodeContext, @Arg('version', () => Int, { nullable: true }) version?: number | null): MraView {
    requireAdmin(ctx);
    submit(ctx, { kind: 'approveMra', mraId, ...(version ? { version } : {}) });
    return mraAfter(ctx, mraId);
  }

  @Directive('@shareable')
  @Mutation(() => MraType)
  retireFromMra(@Arg('mraId', () => String) mraId: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: NodeContext): MraView {
    requireAdmin(ctx);
    submit(ctx, { kind: 'retireFromMra', mraId, reason });
    return mraAfter(ctx, mraId);
  }
}

/** Suspend, reinstate or revoke: admin only; the ledger decides whether the transition is valid. */
function changeStatus(ctx: NodeContext, kind: 'suspendAeo' | 'reinstateAeo' | 'revokeAeo', aeoId: string, reason: string): OperatorRecord {
  requireAdmin(ctx);
  submit(ctx, { kind, aeoId, reason });
  return operatorAfter(ctx, aeoId);
}

function mraAfter(ctx: NodeContext, mraId: string): MraView {
  const mra = ctx.node.replica.state.mras[mraId];
  if (!mra) throw nodeError('INTERNAL_SERVER_ERROR', 'internal error');
  return mraView(mra);
}

function nextAeoId(ctx: NodeContext): string {
  const own = [...ctx.node.replica.state.operators.keys()].filter((id) => id.startsWith(`${ctx.node.country}-`));
  const highest = Math.max(0, ...own.map((id) => Number(id.slice(-6))));
  return `${ctx.node.country}-AEO-${String(highest + 1).padStart(6, '0')}`;
}
