import { TransportWatch } from '../../subgraphs/ledger/index.js';
import { unanswered, type NodeClient } from '../jurisdiction/index.js';
import type { Logger } from './logger.js';

/** A node client's answer that was no answer (the node not reached), carried through TransportWatch as its failure. */
class NoAnswer extends Error {
  override readonly name = 'NoAnswer';
  constructor(readonly result: Awaited<ReturnType<NodeClient['query']>>) {
    super('no GraphQL answer');
  }
}

/**
 * The nodes as their operator hears of them: a node that stops answering the gateway is one
 * `warn` line (`node unavailable`, naming it and its URL), however many requests find it so
 * (each is answered NODE_UNAVAILABLE, and /readyz says 503 for the home node); the first answer
 * after that is one `info` line (`node answers again`). A node's coded refusal is an answer.
 */
export function watchedNodeClients(clients: ReadonlyMap<string, NodeClient>, log: Logger): Map<string, NodeClient> {
  const watched = (client: NodeClient): NodeClient => {
    const fields = { node: client.country, url: client.url };
    const watch = new TransportWatch({
      lost: () => log.warn('node unavailable: its fields are answered NODE_UNAVAILABLE until it answers', fields),
      back: () => log.info('node answers again', fields),
    });
    return {
      ...client,
      query: (request, authorization) => watch.call(async () => {
        const result = await client.query(request, authorization);
        if (unanswered(result)) throw new NoAnswer(result);
        return result;
      }).catch((error: unknown) => {
        if (error instanceof NoAnswer) return error.result;
        throw error;
      }),
    };
  };
  return new Map([...clients].map(([country, client]) => [country, watched(client)]));
}
