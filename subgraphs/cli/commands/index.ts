import type { Command } from 'commander';
import { registerCertificate } from './certificate.js';
import { registerDemo } from './demo.js';
import { registerGateway } from './gateway.js';
import { registerKeys } from './keys.js';
import { registerLedger } from './ledger.js';
import { registerNode } from './node.js';
import { registerReport } from './report.js';
import { registerSimulate } from './simulate.js';
import { registerToken } from './token.js';

/** Every subcommand of `mra-hub`. */
export function registerCommands(program: Command): void {
  registerCertificate(program);
  registerDemo(program);
  registerGateway(program);
  registerKeys(program);
  registerLedger(program);
  registerNode(program);
  registerReport(program);
  registerSimulate(program);
  registerToken(program);
}
