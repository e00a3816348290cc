/** Federation compatibility cases (mirroring the public federation-gateway-audit suites) served behind the gateway. */
export { abstractTypes } from './abstract-types.js';
export { entityInterface } from './entity-interface.js';
export { interfaceDistributed } from './interface-distributed.js';
export { interfaceIntersection } from './interface-intersection.js';
export { interfaceObjectRequires } from './interface-object-requires.js';
export { joinFields } from './join-fields.js';
export { requiresCircular } from './requires-circular.js';
export { requiresNull } from './requires-null.js';
export { requiresWithArgument } from './requires-with-argument.js';
export { requiresWithFragments, THROUGH_IMPLEMENTATIONS, THROUGH_SUB_INTERFACE } from './requires-with-fragments.js';
export { composeCase, serveCase, type CaseSubgraph, type ServedCase } from './serve-case.js';
export { ask, servedCase } from './served-case.js';
export { unionIntersection } from './union-intersection.js';
