import { execFileSync } from 'node:child_process';

/** Runs `ip …`; throws with ip's own message on failure. */
function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * Whether this process may create network namespaces (root or CAP_NET_ADMIN, `ip` installed).
 * With REQUIRE_NETNS=1 (CI) not being allowed is an error, so the spec cannot silently skip.
 */
export function netnsPermitted(): { ok: true } | { ok: false; reason: string } {
  const probe = `mra-probe-${process.pid}`;
  try {
    ip('netns', 'add', probe);
    ip('netns', 'del', probe);
    return { ok: true };
  } catch (error) {
    const reason = `network namespaces are not permitted here (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); run as root or set REQUIRE_NETNS=1 to make this a failure`;
    if (process.env.REQUIRE_NETNS === '1') throw new Error(`REQUIRE_NETNS=1 but ${reason}`);
    return { ok: false, reason };
  }
}

/** A point-to-point veth link between two namespaces (or a namespace and this one). */
export interface Link {
  readonly a: { readonly ns: string | null; readonly dev: string; readonly ip: string };
  readonly b: { readonly ns: string; readonly dev: string; readonly ip: string };
}

/**
 * Namespaces and veth links this test creates, and removes again in `destroy` (deleting a
 * namespace deletes the links inside it). Addresses are 10.<net>.<k>.1|2/30, one /30 per link.
 */
export class NetnsLab {
  readonly #tag = (process.pid % 10000).toString(36);
  readonly #net = 100 + (process.pid % 100);
  readonly #namespaces: string[] = [];
  #links = 0;

  /** Creates a namespace with loopback up; returns its name. */
  namespace(name: string): string {
    const ns = `mra-${this.#tag}-${name}`;
    ip('netns', 'add', ns);
    this.#namespaces.push(ns);
    ip('-n', ns, 'link', 'set', 'lo', 'up');
    return ns;
  }

  /** Links namespace `a` (null: the test's own namespace, to observe) with namespace `b`. */
  link(a: string | null, b: string): Link {
    this.#links += 1;
    const k = this.#links;
    const ends = { a: { ns: a, dev: `mh${this.#tag}${k}a`, ip: `10.${this.#net}.${k}.1` }, b: { ns: b, dev: `mh${this.#tag}${k}b`, ip: `10.${this.#net}.${k}.2` } };
    ip('link', 'add', ends.a.dev, 'type', 'veth', 'peer', 'name', ends.b.dev);
    for (const end of [ends.a, ends.b]) {
      if (end.ns) ip('link', 'set', end.dev, 'netns', end.ns);
      const inNs = end.ns ? ['-n', end.ns] : [];
      ip(...inNs, 'addr', 'add', `${end.ip}/30`, 'dev', end.dev);
      ip(...inNs, 'link', 'set', end.dev, 'up');
    }
    return ends;
  }

  /** Takes a link down at both ends: nothing crosses it (a partition). */
  cut(link: Link): void {
    for (const end of [link.a, link.b]) ip(...(end.ns ? ['-n', end.ns] : []), 'link', 'set', end.dev, 'down');
  }

  /** Brings a cut link back. */
  heal(link: Link): void {
    for (const end of [link.a, link.b]) ip(...(end.ns ? ['-n', end.ns] : []), 'link', 'set', end.dev, 'up');
  }

  /** Removes every namespace (and so every link) this lab created. */
  destroy(): void {
    for (const ns of this.#namespaces.splice(0)) {
      try {
        ip('netns', 'del', ns);
      } catch {
        // already gone
      }
    }
  }
}
