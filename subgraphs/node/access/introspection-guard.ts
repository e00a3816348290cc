import { BREAK, visit, type DocumentNode } from 'graphql';
import { unauthenticated } from '../errors.js';
import type { NodeContext } from '../country-node.js';

/** Documents already looked at (servers and gateways cache parsed documents, so hits are the rule). */
const ASKS = new WeakMap<DocumentNode, boolean>();

/** True when an operation asks for the schema (`__schema` or `__type`). */
export function asksForSchema(document: DocumentNode): boolean {
  let found = ASKS.get(document);
  if (found === undefined) {
    found = findsSchemaFields(document);
    ASKS.set(document, found);
  }
  return found;
}

function findsSchemaFields(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * What servers run before executing any operation: a presented token that failed rejects the
 * request, and introspection is for authenticated authorities only.
 */
export function assertMayExecute(document: DocumentNode, context: NodeContext): void {
  if (context.authError) throw context.authError;
  if (!context.caller && asksForSchema(document)) throw unauthenticated('introspection is available to authenticated authorities only');
}
