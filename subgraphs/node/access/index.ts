/** The owner's security boundary: who the caller is, and which fields it may see. */
export { enforceAccess } from './enforce.js';
export { assertMayExecute, asksForSchema } from './introspection-guard.js';
export { mayView, PRIVATE_FIELDS, PUBLIC_FIELDS, relationOf, visibleFields, type Caller, type Relation } from './policy.js';
export { authenticate, mintToken } from './tokens.js';
