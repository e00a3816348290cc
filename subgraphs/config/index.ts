/** Configuration files shared by the CLI, the simulator and the gateway. */
export { parseYamlWith } from './parse-yaml.js';
export { packageRoot } from './package-root.js';
