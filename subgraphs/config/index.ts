/** Configuration files shared by the CLI, the simulator and the gateway. */
export { keyPath, settingIssue } from './key-path.js';
export { parseYamlWith } from './parse-yaml.js';
export { packageRoot } from './package-root.js';
