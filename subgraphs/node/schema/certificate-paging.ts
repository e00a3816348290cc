import { nodeError } from '../errors.js';
import { MAX_PAGE } from './paging.js';
import type { CertificateView } from './certificate-view.js';

const cursorOf = (number: string): string => Buffer.from(number, 'utf8').toString('base64url');

/** A Relay page of certificates, newest first (then by number), starting after the cursor's certificate. */
export function pageCertificates(views: readonly CertificateView[], first: number, after?: string | null) {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) throw nodeError('BAD_USER_INPUT', `first must be between 0 and ${MAX_PAGE}`);
  // By instant: a partner's entry may be signed with any UTC offset, so its text does not sort.
  const sorted = [...views].sort((a, b) => Date.parse(b.issuedAt) - Date.parse(a.issuedAt) || (a.number < b.number ? -1 : 1));
  let from = 0;
  if (after) {
    const number = Buffer.from(after, 'base64url').toString('utf8');
    const index = sorted.findIndex((v) => v.number === number);
    if (index === -1) throw nodeError('BAD_USER_INPUT', `after: "${after}" is not a cursor of this list`);
    from = index + 1;
  }
  const edges = sorted.slice(from, from + first).map((node) => ({ cursor: cursorOf(node.number), node }));
  return {
    edges,
    totalCount: sorted.length,
    pageInfo: { hasNextPage: from + first < sorted.length, hasPreviousPage: from > 0, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
