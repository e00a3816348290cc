/** The owner's security boundary: who the caller is, and which fields it may see. */
export { enforceAccess, notShared } from './enforce.js';
export { assertMayExecute, asksForSchema } from './introspection-guard.js';
export { mayView, PRIVATE_FIELDS, PUBLIC_FIELDS, relationOf, visibleFields, visibleFieldsUnder, type Caller, type MraTermsView, type Relation } from './policy.js';
export { authenticate, authenticateWith, mintToken, type AuthorityKey, type KeyLookup } from './tokens.js';
export { endSubscriptionsAtExpiry } from './end-at-expiry.js';
export { KEY_ROTATED, KeyRotations, type KeyStanding } from './key-standing.js';
export { untilExpiry } from './until-expiry.js';
