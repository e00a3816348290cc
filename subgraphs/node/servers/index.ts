/** The two server stacks a node runs on, with one contract. */
export { acceptableMediaTypes, notAcceptableMessage, RESULT_MEDIA_TYPES, resultMediaType, type ResultMediaType } from './accept.js';
export { armorOptions, NODE_LIMITS, REFUSAL as ARMOR_REFUSAL, type ArmorLimits } from './armor-options.js';
export { costRule, type CostOptions } from './cost-rule.js';
export { serveWithApollo } from './apollo.js';
export { serveWithMercurius } from './mercurius.js';
export { BODY_NOT_JSON, BODY_NOT_OBJECT, requestShapeError } from './request-shape.js';
export { authorizationFrom, type RunningServer, type ServeOptions } from './running-server.js';
export { CSRF_HEADERS, csrfRefusal, csrfRefusalBody } from './csrf.js';
export { listen } from './listen.js';
