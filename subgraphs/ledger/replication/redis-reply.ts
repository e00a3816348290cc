/* Parsing of Redis Streams replies, which node-redis types loosely: narrowed from `unknown`. */

/** The sequence number of a chain stream message id (`<sequence>-0`). */
export function sequenceOf(id: string): number {
  return Number(id.split('-')[0]);
}

export interface StreamMessages {
  readonly name: string;
  readonly messages: { readonly id: string; readonly fields: Readonly<Record<string, string>> }[];
}

/** Narrows an XREAD reply (RESP2 shape: [{ name, messages: [{ id, message }] }] or null). */
export function asStreams(reply: unknown): StreamMessages[] {
  if (!Array.isArray(reply)) return [];
  return reply.flatMap((stream: unknown) => {
    if (typeof stream !== 'object' || stream === null) return [];
    const { name, messages } = stream as { name?: unknown; messages?: unknown };
    if (typeof name !== 'string' || !Array.isArray(messages)) return [];
    return [{
      name,
      messages: messages.flatMap((m: unknown) => {
        const { id, message } = (m ?? {}) as { id?: unknown; message?: unknown };
        if (typeof id !== 'string' || typeof message !== 'object' || message === null) return [];
        return [{ id, fields: Object.fromEntries(Object.entries(message).map(([k, v]) => [k, String(v)])) }];
      }),
    }];
  });
}
