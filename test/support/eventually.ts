/** Polls `check` until it returns true, or fails after `timeoutMs` with `describe()` in the message. */
export async function eventually(check: () => boolean, timeoutMs: number, describe: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
