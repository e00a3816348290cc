/** A usage or input problem the CLI reports as one line, exiting with status 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/**
 * A server's failed listen (port taken, not permitted, no such address) as the one line the
 * gateway prints too; any other error is returned as it is, a fault.
 */
export function listenFailure(error: unknown, host: string, port: number): unknown {
  if (!(error instanceof Error) || (error as NodeJS.ErrnoException).syscall !== 'listen') return error;
  return new CliError(`cannot listen on ${host}:${port}: ${(error as NodeJS.ErrnoException).code ?? error.message}`);
}
