/** Closes what a long-running command started on Ctrl-C or SIGTERM, then exits 0. */
export function closeOnSignal(close: () => Promise<void>): void {
  const stop = () => void close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
