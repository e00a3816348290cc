/** The two server stacks a node runs on, with one contract. */
export { serveWithApollo } from './apollo.js';
export { serveWithMercurius } from './mercurius.js';
export { authorizationFrom, type RunningServer, type ServeOptions } from './running-server.js';
