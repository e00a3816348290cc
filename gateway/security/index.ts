/** Who may call the gateway, and how much one request may ask. */
export { homeKeyRegistry } from './authority-keys.js';
export { authenticator, authorizationOf, refuseAnonymousIntrospection, useCaller, type Authenticate, type CallerContext } from './caller-plugin.js';
export { useCsrfPrevention } from './csrf-plugin.js';
export { limitPlugins } from './limits.js';
export { loadPersistedDocuments } from './persisted-documents.js';
export { rateLimiter, useRateLimit, type RateLimiter, type RateLimitOptions } from './rate-limit-plugin.js';
export { TokenBuckets, type Take } from './token-bucket.js';
