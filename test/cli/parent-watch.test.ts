import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PARENT_POLL_MS, whenParentGone } from '../../subgraphs/cli/parent-watch.js';

/** A parent process id that the test changes, as Linux does when it re-parents an orphan. */
function parentOf(pid: number): { ppid: () => number; reparent: (to: number) => void } {
  let current = pid;
  return { ppid: () => current, reparent: (to) => void (current = to) };
}

describe('cli: a server npm started closes when the npm that started it is gone', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('started by npm or npx (npm_lifecycle_event set), it is told once, with the old parent, when it is re-parented', () => {
    const parent = parentOf(4321);
    const gone = vi.fn();
    whenParentGone(gone, { env: { npm_lifecycle_event: 'npx' }, ppid: parent.ppid });
    vi.advanceTimersByTime(10 * PARENT_POLL_MS);
    expect(gone).not.toHaveBeenCalled();
    parent.reparent(1);
    vi.advanceTimersByTime(PARENT_POLL_MS);
    expect(gone).toHaveBeenCalledWith(4321);
    parent.reparent(77);
    vi.advanceTimersByTime(10 * PARENT_POLL_MS);
    expect(gone).toHaveBeenCalledTimes(1);
  });

  it('started any other way (systemd, docker, nohup, a shell), it outlives its parent: nothing is watched', () => {
    const parent = parentOf(4321);
    const gone = vi.fn();
    whenParentGone(gone, { env: {}, ppid: parent.ppid });
    parent.reparent(1);
    vi.advanceTimersByTime(10 * PARENT_POLL_MS);
    expect(gone).not.toHaveBeenCalled();
  });

  it('a watch that was stopped tells nothing', () => {
    const parent = parentOf(4321);
    const gone = vi.fn();
    const stop = whenParentGone(gone, { env: { npm_lifecycle_event: 'start' }, ppid: parent.ppid });
    stop();
    parent.reparent(1);
    vi.advanceTimersByTime(10 * PARENT_POLL_MS);
    expect(gone).not.toHaveBeenCalled();
  });
});
