import { readFileSync } from 'node:fs';
import { keyPath, parseYamlWith, settingIssue } from '../../subgraphs/config/index.js';
import { GatewayConfigError } from '../errors.js';
import { gatewayConfigSchema, type GatewayConfig, type GatewayConfigInput } from './gateway-config.js';

/** Reads gateway.yaml; errors name file, line and key (`gateway.yaml:4: nodes[1].url: ...`). */
export function loadGatewayConfig(path: string): GatewayConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new GatewayConfigError(`cannot read ${path}: ${(error as Error).message}`);
  }
  return parseYamlWith(gatewayConfigSchema, text, path, (message) => new GatewayConfigError(message));
}

/** Validates a configuration given in code or assembled from CLI flags. */
export function gatewayConfig(input: GatewayConfigInput): GatewayConfig {
  const parsed = gatewayConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const issue = first ? settingIssue(first) : { path: [], message: 'invalid' };
  throw new GatewayConfigError(`${keyPath(issue.path) || '(config)'}: ${issue.message}`);
}
