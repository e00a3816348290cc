/** A usage or input problem the CLI reports as one line, exiting with status 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
