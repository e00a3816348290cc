/** What `mra-hub certificate` runs: reading documents and checking copies against a ledger or a node. */
export { checkAgainstLedger, checkAtNode, describeReport, readDocument } from './check.js';
