/** Serving the gateway: the Hive runtime with the MRA plugins, on HTTP, SSE and graphql-ws. */
export { CSRF_HEADERS } from '../../subgraphs/node/index.js';
export { createRuntime, type GraphiQLPreset, type RuntimeOptions } from './create-runtime.js';
export { maskGatewayError } from './mask-error.js';
export { startGateway, type RunningGateway, type StartGatewayOptions } from './start-gateway.js';
