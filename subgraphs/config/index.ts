/**
 * Configuration files, and input a user writes, shared by the CLI, the nodes, the simulator and
 * the gateway. The CLI imports `package-root.js` and `iso-time.js` directly: they are leaves, and
 * this entry point would load YAML into `mra-hub --help`.
 */
export { ISO_TIME_EXAMPLES, parseIsoTime, type IsoTime } from './iso-time.js';
export { keyPath, settingIssue } from './key-path.js';
export { parseYamlWith } from './parse-yaml.js';
export { packageRoot } from './package-root.js';
