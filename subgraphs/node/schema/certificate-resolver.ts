// type-graphql reads the metadata API even when every type is given explicitly.
import 'reflect-metadata';
import { Arg, Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { checkDigest, certificateDigest, exportJson, exportXml, importCertificate, isCertificateError, type AuthenticityReport } from '../../certificates/index.js';
import type { NodeContext } from '../country-node.js';
import { nodeError, unauthenticated } from '../errors.js';
import { pageCertificates } from './certificate-paging.js';
import { dateBound } from './date-bound.js';
import { CertificateCheckType, CertificateConnectionType, CertificateDirection, CertificateFormat, CertificateStatus, CertificateType } from './certificate-types.js';
import { requireParty, viewOf, type CertificateView } from './certificate-view.js';

/** Certificate queries; the document is served only to the two authorities, by a node holding it. */
@Resolver(() => CertificateType)
export class CertificateResolver {
  @Directive('@shareable')
  @Query(() => CertificateType, { nullable: true, description: 'One certificate by number: its exporter and importer only' })
  certificate(@Arg('number', () => String) number: string, @Ctx() { node, caller }: NodeContext): CertificateView | null {
    const view = viewOf(node.replica.state.certificates.get(number));
    if (!caller) throw unauthenticated('certificates are available to authenticated authorities only');
    if (!view) return null;
    requireParty(caller, view);
    return view;
  }

  @Directive('@shareable')
  @Query(() => CertificateConnectionType, { description: 'Certificates the caller\'s authority issued or receives, newest first' })
  certificates(
    @Ctx() { node, caller }: NodeContext,
    @Arg('direction', () => CertificateDirection, { nullable: true }) direction?: string | null,
    @Arg('partner', () => String, { nullable: true, description: 'The other authority' }) partner?: string | null,
    @Arg('status', () => CertificateStatus, { nullable: true }) status?: string | null,
    @Arg('issuedFrom', () => String, { nullable: true, description: 'Issued at or after: an ISO date-time (UTC unless it has an offset), or a date (from its start, UTC)' }) issuedFrom?: string | null,
    @Arg('issuedTo', () => String, { nullable: true, description: 'Issued before: an ISO date-time (UTC unless it has an offset), or a date (to its end: that whole day included, UTC)' }) issuedTo?: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    if (!caller) throw unauthenticated('certificates are available to authenticated authorities only');
    const me = caller.country;
    const from = issuedFrom ? dateBound('issuedFrom', issuedFrom, 'from') : Number.NEGATIVE_INFINITY;
    const to = issuedTo ? dateBound('issuedTo', issuedTo, 'to') : Number.POSITIVE_INFINITY;
    const matches = (v: CertificateView) =>
      (direction === 'OUTBOUND' ? v.exporter === me : direction === 'INBOUND' ? v.importer === me : v.exporter === me || v.importer === me) &&
      (!partner || (v.exporter === me ? v.importer : v.exporter) === partner) &&
      (!status || v.status === status) &&
      Date.parse(v.issuedAt) >= from &&
      Date.parse(v.issuedAt) < to;
    const views = [...node.replica.state.certificates.values()].map(viewOf).filter((v): v is CertificateView => v !== null && matches(v));
    return pageCertificates(views, first ?? 20, after);
  }

  @Directive('@shareable')
  @Query(() => CertificateCheckType, { description: 'Does this copy (ePhyto XML or JSON) match its issuer\'s ledger entry, and what is its status? Open to anyone holding a copy.' })
  certificateCheck(@Arg('document', () => String) document: string, @Ctx() { node }: NodeContext): AuthenticityReport {
    try {
      const { certificate } = importCertificate(document, 'document');
      return checkDigest(certificate.number, certificateDigest(certificate), node.replica.state);
    } catch (error) {
      if (isCertificateError(error)) throw nodeError('BAD_USER_INPUT', error.message, { path: error.path });
      throw error;
    }
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The document, for the exporter and the importer only. The issuer\'s node serves its own; the importer\'s node serves its received copy, or fetches the issuer\'s with its own credentials for its own callers',
  })
  async document(@Root() view: CertificateView, @Ctx() { node, caller }: NodeContext, @Arg('format', () => CertificateFormat, { defaultValue: 'XML' }) format: string): Promise<string> {
    const party = requireParty(caller, view);
    let held = node.certificates.store.get(view.number);
    if (!held) {
      // Only a node of the caller's own authority fetches for it: that is the importer asking, with its own key.
      if (party.country !== node.country) {
        throw nodeError('CONTENT_ELSEWHERE', `the document of ${view.number} is held by ${view.exporter}'s node`, { owner: view.exporter });
      }
      held = await node.certificates.fetch(view.exporter, view.number);
      if (certificateDigest(held) !== view.digest) {
        throw nodeError('DIGEST_MISMATCH', `${view.exporter}'s node served a document for ${view.number} that does not match the ledger`, { number: view.number });
      }
    }
    return format === 'JSON' ? exportJson(held) : exportXml(held);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'The document this node holds matches the digest on the ledger (null: not held here)' })
  documentVerified(@Root() view: CertificateView, @Ctx() { node, caller }: NodeContext): boolean | null {
    requireParty(caller, view);
    const held = node.certificates.store.get(view.number);
    return held ? certificateDigest(held) === view.digest : null;
  }
}

/** Federation `_entities` for Certificate: the same party rule as `certificate(number)`. */
export function certificateReference(ref: { number: string }, { node, caller }: NodeContext): CertificateView | null {
  const view = viewOf(node.replica.state.certificates.get(ref.number));
  if (!view) return null;
  requireParty(caller, view);
  return view;
}
