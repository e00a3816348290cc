import type { NodeErrorCode } from '../errors.js';

/** Headers a browser page can only send after a CORS preflight: one of them marks a request as not forged cross-site. */
export const CSRF_HEADERS: readonly string[] = ['x-mra-csrf', 'apollo-require-preflight', 'x-graphql-yoga-csrf'];

/** Content types a browser sends without a CORS preflight ("simple" requests). */
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * CSRF prevention, one rule for the nodes and the gateway (as graphql-yoga's and Apollo's plugins
 * decide it): a request a browser may send cross-site without a preflight (a GET, or a form POST)
 * must carry one of CSRF_HEADERS. Returns the refusal's message (HTTP 403, CSRF_PREVENTED), or
 * undefined when the request may go on. `has` says whether the request carries a header.
 */
export function csrfRefusal(contentType: string | undefined, has: (header: string) => boolean): string | undefined {
  const type = contentType?.toLowerCase();
  if (type && !SIMPLE_CONTENT_TYPES.some((simple) => type.startsWith(simple))) return undefined;
  if (CSRF_HEADERS.some(has)) return undefined;
  return `a request without a JSON body needs one of the headers ${CSRF_HEADERS.join(', ')} (CSRF prevention)`;
}

/** The refusal as a GraphQL JSON body, for the servers that answer it themselves (the nodes). */
export function csrfRefusalBody(message: string): { errors: { message: string; extensions: { code: string } }[] } {
  return { errors: [{ message, extensions: { code: 'CSRF_PREVENTED' satisfies NodeErrorCode } }] };
}
