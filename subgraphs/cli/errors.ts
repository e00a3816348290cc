/** A usage or input problem the CLI reports as one line, exiting with status 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** The calls of a failed listen: the listen itself, and the lookup of a `--host` name before it. */
const LISTEN_CALLS: readonly (string | undefined)[] = ['listen', 'getaddrinfo'];

/**
 * A server's failed listen (port taken, not permitted, no such address, a host name that does not
 * resolve) as the one line the gateway prints too; any other error is returned as it is, a fault.
 */
export function listenFailure(error: unknown, host: string, port: number): unknown {
  if (!(error instanceof Error) || !LISTEN_CALLS.includes((error as NodeJS.ErrnoException).syscall)) return error;
  return new CliError(`cannot listen on ${host}:${port}: ${(error as NodeJS.ErrnoException).code ?? error.message}`);
}
