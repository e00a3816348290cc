/** The gateway's configuration: gateway.yaml or flags, validated. */
export { DEFAULT_LIMITS, DEFAULT_RATE_LIMIT, gatewayConfigSchema, type GatewayConfig, type GatewayConfigInput } from './gateway-config.js';
export { gatewayConfig, loadGatewayConfig } from './load-config.js';
