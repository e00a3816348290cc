import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import { parse } from 'graphql';

const SERVICE = parse('query MraHubServiceSdl { _service { sdl } }');

/** A subgraph's own SDL, read from `_service { sdl }` (nodes ask for a token to show it). */
export async function fetchSubgraphSdl(url: string, token: string | undefined, timeoutMs = 5000): Promise<string> {
  const execute = buildHTTPExecutor({ endpoint: url, timeout: timeoutMs, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const result = await execute({ document: SERVICE });
  if (Symbol.asyncIterator in result) throw new Error(`${url} answered _service with a stream`);
  const sdl = (result.data as { _service?: { sdl?: unknown } } | null | undefined)?._service?.sdl;
  if (typeof sdl !== 'string') {
    throw new Error(`${url} did not return its SDL: ${result.errors?.map((e) => e.message).join('; ') ?? 'no _service field'}`);
  }
  return sdl;
}
