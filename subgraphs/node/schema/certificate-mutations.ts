// type-graphql reads the metadata API even when every type is given explicitly.
import 'reflect-metadata';
import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { certificateDigest, importCertificate, isCertificateError, type PhytosanitaryCertificate } from '../../certificates/index.js';
import type { Command } from '../../ledger/index.js';
import type { NodeContext } from '../country-node.js';
import { nodeError, toGraphQLError } from '../errors.js';
import { CertificateType } from './certificate-types.js';
import { existing, requireOwnOfficer, type CertificateView } from './certificate-view.js';

function parse(document: string): PhytosanitaryCertificate {
  try {
    return importCertificate(document, 'document').certificate;
  } catch (error) {
    if (isCertificateError(error)) throw nodeError('BAD_USER_INPUT', error.message, { path: error.path });
    throw error;
  }
}

function submit(ctx: NodeContext, command: Command): void {
  try {
    ctx.node.replica.submit(command);
  } catch (error) {
    throw toGraphQLError(error);
  }
}

/** Signs the issue entry (digest, number, importer), then keeps the document here: never on the ledger. */
function issue(ctx: NodeContext, certificate: PhytosanitaryCertificate): CertificateView {
  requireOwnOfficer(ctx);
  if (certificate.exportCountry !== ctx.node.country) {
    throw nodeError('NOT_ISSUER', `${ctx.node.country} cannot issue a certificate whose exporting country is ${certificate.exportCountry}`);
  }
  // The document is stored before the entry is signed: a crash between the two leaves an
  // unreachable file (no entry points to it; a retry overwrites it), never an entry whose document
  // is lost. A number already issued keeps its document: the ledger is asked first.
  if (!ctx.node.replica.state.certificates.get(certificate.number)?.issued) ctx.node.certificates.store.put(certificate);
  submit(ctx, { kind: 'issueCertificate', number: certificate.number, importer: certificate.importCountry, digest: certificateDigest(certificate), replaces: certificate.replaces });
  return existing(ctx, certificate.number);
}

function step(ctx: NodeContext, number: string, command: Command): CertificateView {
  requireOwnOfficer(ctx);
  existing(ctx, number);
  submit(ctx, command);
  return existing(ctx, number);
}

@Resolver()
export class CertificateMutationResolver {
  @Directive('@shareable')
  @Mutation(() => CertificateType, { description: 'Issue a certificate (ePhyto XML or JSON): its digest goes on the ledger, the document stays at this node' })
  issueCertificate(@Arg('document', () => String) document: string, @Ctx() ctx: NodeContext): CertificateView {
    const certificate = parse(document);
    if (certificate.replaces !== null) throw nodeError('BAD_USER_INPUT', `the document replaces ${certificate.replaces}: use replaceCertificate`);
    return issue(ctx, certificate);
  }

  @Directive('@shareable')
  @Mutation(() => CertificateType, { description: 'ISPM 12 replacement: issue a new certificate naming the one it replaces and cancels' })
  replaceCertificate(@Arg('number', () => String) number: string, @Arg('document', () => String) document: string, @Ctx() ctx: NodeContext): CertificateView {
    const certificate = parse(document);
    if (certificate.replaces !== number) throw nodeError('BAD_USER_INPUT', `the replacement document must name ${number} in replaces (it names ${certificate.replaces ?? 'none'})`);
    return issue(ctx, certificate);
  }

  @Directive('@shareable')
  @Mutation(() => CertificateType, { description: 'ISPM 12 cancellation by the exporter' })
  withdrawCertificate(@Arg('number', () => String) number: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: NodeContext): CertificateView {
    return step(ctx, number, { kind: 'withdrawCertificate', number, reason });
  }

  @Directive('@shareable')
  @Mutation(() => CertificateType, { description: 'Importer: fetch the document from the issuer\'s node with this authority\'s credentials, check its digest, record receipt' })
  async receiveCertificate(@Arg('number', () => String) number: string, @Ctx() ctx: NodeContext): Promise<CertificateView> {
    requireOwnOfficer(ctx);
    const view = existing(ctx, number);
    if (view.importer !== ctx.node.country) throw nodeError('NOT_IMPORTER', `${number} is addressed to ${view.importer}, not ${ctx.node.country}`, { number });
    const certificate = await ctx.node.certificates.fetch(view.exporter, number);
    if (certificate.number !== number) throw nodeError('DIGEST_MISMATCH', `${view.exporter}'s node served ${certificate.number} for ${number}`);
    submit(ctx, { kind: 'receiveCertificate', number, digest: certificateDigest(certificate) });
    ctx.node.certificates.store.put(certificate);
    return existing(ctx, number);
  }

  @Directive('@shareable')
  @Mutation(() => CertificateType)
  acceptCertificate(@Arg('number', () => String) number: string, @Ctx() ctx: NodeContext): CertificateView {
    return step(ctx, number, { kind: 'acceptCertificate', number });
  }

  @Directive('@shareable')
  @Mutation(() => CertificateType)
  rejectCertificate(@Arg('number', () => String) number: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: NodeContext): CertificateView {
    return step(ctx, number, { kind: 'rejectCertificate', number, reason });
  }

  @Directive('@shareable')
  @Mutation(() => CertificateType, { description: 'Importer: the certificate clears one consignment; a second use is refused (CERTIFICATE_CONSUMED)' })
  consumeCertificate(@Arg('number', () => String) number: string, @Arg('clearance', () => String) clearance: string, @Ctx() ctx: NodeContext): CertificateView {
    return step(ctx, number, { kind: 'consumeCertificate', number, clearance });
  }
}
