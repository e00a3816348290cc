import { CliError } from '../errors.js';

/** Where a node's chains travel: one log per authority (no hub), or one shared log, or both. */
export interface Topology {
  /** A log every chain without its own goes through (`--redis <url>`), if any. */
  readonly shared: string | null;
  /** Each authority's own log (`--redis <CC>=<url>`). */
  readonly logs: ReadonlyMap<string, string>;
  /** Partners' nodes to catch up from over HTTP (`--peer <CC>=<url>`). */
  readonly peers: ReadonlyMap<string, string>;
}

const PAIR = /^([A-Za-z]{2})=(.+)$/;

/**
 * Parses repeated `--redis` and `--peer` values, naming the bad one: a URL of the wrong kind, or an
 * authority given twice. Any country may be named, not only the genesis members: one admitted
 * later by an MRA is followed through its log or node once its admission arrives.
 */
export function parseTopology(country: string, redis: readonly string[], peers: readonly string[]): Topology {
  let shared: string | null = null;
  const logs = new Map<string, string>();
  for (const value of redis) {
    const pair = PAIR.exec(value);
    if (!pair) {
      if (shared) throw new CliError(`--redis ${shownUrl(value)}: a second shared log; name the authority as --redis <CC>=<url>`);
      shared = url(value, '--redis', REDIS);
      continue;
    }
    const cc = (pair[1] as string).toUpperCase();
    if (logs.has(cc)) throw new CliError(`--redis ${shownUrl(value)}: ${cc}'s log is given twice`);
    logs.set(cc, url(pair[2] as string, '--redis', REDIS));
  }
  if (logs.size > 0 && !logs.has(country) && !shared) {
    throw new CliError(`--redis names partners' logs but none for ${country}'s own chain: add --redis ${country}=<url>`);
  }
  const peerMap = new Map<string, string>();
  for (const value of peers) {
    const pair = PAIR.exec(value);
    if (!pair) throw new CliError(`--peer ${value}: expected <CC>=<url>, e.g. CR=http://10.0.0.2:4002/graphql`);
    const cc = (pair[1] as string).toUpperCase();
    if (cc === country) throw new CliError(`--peer ${value}: ${country} is this node`);
    if (peerMap.has(cc)) throw new CliError(`--peer ${value}: ${cc}'s node is given twice`);
    // A node's address with or without its /graphql path: both uses (catch-up, certificates) need the endpoint.
    const given = url(pair[2] as string, '--peer', HTTP);
    peerMap.set(cc, given.endsWith('/graphql') ? given : `${given.replace(/\/$/, '')}/graphql`);
  }
  return { shared, logs, peers: peerMap };
}

/**
 * A URL (or a `<CC>=<url>` pair) as the node's lines show it: a password in it (a Redis URL may
 * carry one: `redis://:secret@host`) is shown as `***`, so logs and terminals never hold it.
 */
export function shownUrl(value: string): string {
  return value.replace(/(\/\/[^/@:]*:)[^/@]*@/, '$1***@');
}

const REDIS = ['redis:', 'rediss:'];
const HTTP = ['http:', 'https:'];

function url(value: string, option: string, schemes: readonly string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new CliError(`${option} ${shownUrl(value)}: not a URL`);
  }
  if (!schemes.includes(parsed.protocol)) throw new CliError(`${option} ${shownUrl(value)}: expected a ${schemes.map((s) => `${s}//`).join(' or ')} URL`);
  return parsed.toString();
}
