/** The media types yoga's result processors offer, in the order it tries them (SSE, multipart, regular). */
const PROCESSORS: readonly (readonly string[])[] = [['text/event-stream'], ['multipart/mixed'], ['application/graphql-response+json', 'application/json']];
const REGULAR = new Set(['application/graphql-response+json', 'application/json']);

/**
 * The media type the runtime would answer a single (non-streamed) result with, for this Accept
 * header, decided as graphql-yoga's result processors decide it; undefined when it would pick a
 * streaming one (SSE, multipart) or none.
 */
export function acceptedMediaType(accept: string | undefined): MediaType | undefined {
  const key = accept ?? '';
  if (DECIDED.has(key)) return DECIDED.get(key);
  const decided = decide(accept);
  if (DECIDED.size >= 256) DECIDED.clear();
  DECIDED.set(key, decided);
  return decided;
}

type MediaType = 'application/json' | 'application/graphql-response+json';

/** Clients send a handful of Accept headers: each is decided once. */
const DECIDED = new Map<string, MediaType | undefined>();

function decide(accept: string | undefined): MediaType | undefined {
  const asked = (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',')
    .map((entry) => entry.split(';'))
    .filter(([, ...params]) => (params.find((p) => p.includes('charset=')) ?? 'charset=utf-8') === 'charset=utf-8')
    .map(([type]) => type ?? '')
    .reverse();
  let chosen: string | undefined;
  for (const offered of PROCESSORS) {
    for (const requested of asked) {
      for (const type of offered) if (matches(type, requested)) chosen = type;
    }
  }
  return chosen !== undefined && REGULAR.has(chosen) ? chosen as MediaType : undefined;
}

/** yoga's isMatchingMediaType: the requested type may be a wildcard, any type or any subtype. */
function matches(offered: string, requested: string): boolean {
  const [offeredType, offeredSub] = offered.split('/');
  const [type, sub] = requested.split('/');
  return (type === '*' || type === offeredType) && (sub === '*' || sub === offeredSub);
}
