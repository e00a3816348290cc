import Negotiator from 'negotiator';
import type { NodeErrorCode } from '../errors.js';

/** The media types one GraphQL result is answered in (GraphQL over HTTP). */
export type ResultMediaType = 'application/json' | 'application/graphql-response+json';

/** application/json first: what a request without Accept, or with a wildcard, gets (as Apollo Server offers them). */
export const RESULT_MEDIA_TYPES: readonly ResultMediaType[] = ['application/json', 'application/graphql-response+json'];

/**
 * The offered media types a request's Accept header accepts, best first, negotiated as RFC 9110
 * says (by negotiator, as express and Apollo Server negotiate): the most specific range that names
 * a type gives its q, q=0 refuses it, a higher q wins, then the more specific range, then the one
 * named first, then the order offered. UTF-8 only (a range asking another charset matches nothing).
 * No Accept (or an empty one) accepts everything, in the order offered.
 */
export function acceptableMediaTypes(accept: string | undefined, offered: readonly string[]): string[] {
  const headers = accept ? { accept } : {};
  return new Negotiator({ headers }).mediaTypes(offered.map((type) => `${type}; charset=utf-8`)).map((type) => type.slice(0, type.indexOf(';')));
}

/**
 * The media type to answer one result in for this Accept header; undefined when it accepts
 * neither (GraphQL over HTTP: 406 Not Acceptable). Each header is negotiated once: clients send a handful.
 */
export function resultMediaType(accept: string | undefined): ResultMediaType | undefined {
  const key = accept ?? '';
  if (DECIDED.has(key)) return DECIDED.get(key);
  const decided = acceptableMediaTypes(accept, RESULT_MEDIA_TYPES)[0] as ResultMediaType | undefined;
  if (DECIDED.size >= 256) DECIDED.clear();
  DECIDED.set(key, decided);
  return decided;
}

const DECIDED = new Map<string, ResultMediaType | undefined>();

/** Why a request is refused with 406 (coded BAD_REQUEST): its Accept header refuses every media type `offered`. */
export function notAcceptableMessage(offered: readonly string[]): string {
  return `the Accept header accepts none of the media types this server answers in (${offered.join(', ')})`;
}

/** A node's 406 as a GraphQL JSON body (sent as application/json, which the client did not ask for: there is nothing it accepts). */
export function notAcceptableBody(): { errors: { message: string; extensions: { code: string } }[] } {
  return { errors: [{ message: notAcceptableMessage(RESULT_MEDIA_TYPES), extensions: { code: 'BAD_REQUEST' satisfies NodeErrorCode } }] };
}
