import type { OperatorRecord } from '../../ledger/index.js';
import { nodeError } from '../errors.js';

export const MAX_PAGE = 100;

/** Stable cursor: the aeoId itself (base64url), so pages survive inserts elsewhere in the list. */
export const cursorOf = (aeoId: string): string => Buffer.from(aeoId, 'utf8').toString('base64url');

function decodeCursor(cursor: string): string {
  const aeoId = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[A-Z]{2}-AEO-\d{6}$/.test(aeoId)) throw nodeError('BAD_USER_INPUT', `after: "${cursor}" is not a cursor from this API`);
  return aeoId;
}

/** A Relay page of operators ordered by aeoId, starting after the cursor's aeoId. */
export function pageOperators(operators: readonly OperatorRecord[], first: number, after?: string | null) {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) throw nodeError('BAD_USER_INPUT', `first must be between 0 and ${MAX_PAGE}`);
  const sorted = [...operators].sort((a, b) => (a.aeoId < b.aeoId ? -1 : a.aeoId > b.aeoId ? 1 : 0));
  // GraphQL passes an explicit `after: null` (the first page of Relay and Apollo Client) as null.
  const afterId = after === undefined || after === null ? null : decodeCursor(after);
  const start = afterId === null ? 0 : sorted.findIndex((op) => op.aeoId > afterId);
  const from = start === -1 ? sorted.length : start;
  const page = sorted.slice(from, from + first);
  const edges = page.map((node) => ({ cursor: cursorOf(node.aeoId), node }));
  return {
    edges,
    totalCount: sorted.length,
    pageInfo: {
      hasNextPage: from + first < sorted.length,
      hasPreviousPage: from > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
