import { readdirSync, readFileSync } from 'node:fs';

/** A process as Linux's /proc shows it; its start time tells it from a later one given the same id. */
export interface ProcessRef {
  readonly pid: number;
  readonly started: string;
  readonly command: string;
}

interface Stat {
  readonly ppid: number;
  readonly state: string;
  readonly started: string;
}

/** /proc/<pid>/stat: the fields after the command name (which may hold spaces and parentheses). */
function stat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // state is field 3 of stat(5), ppid 4, starttime 22.
    return { state: fields[0] ?? '', ppid: Number(fields[1]), started: fields[19] ?? '' };
  } catch {
    return undefined;
  }
}

function command(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** `root` and every process below it, as they are now (Linux only). */
export function processTree(root: number): ProcessRef[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const parent = stat(pid)?.ppid;
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree: ProcessRef[] = [];
  const visit = (pid: number) => {
    const found = stat(pid);
    if (found === undefined) return;
    tree.push({ pid, started: found.started, command: command(pid) });
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}

/** Whether `proc` is still running: not exited, not a zombie, and its id not taken by another process since. */
export function running(proc: ProcessRef): boolean {
  const now = stat(proc.pid);
  return now !== undefined && now.started === proc.started && now.state !== 'Z';
}
